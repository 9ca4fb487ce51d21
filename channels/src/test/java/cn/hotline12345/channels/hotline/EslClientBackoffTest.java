package cn.hotline12345.channels.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EslClientBackoffTest {

    @Test
    void doublesFromOneSecondUpToThirtyWithJitterInTheUpperHalf() {
        assertThat(EslClient.backoffMillis(1000, 30_000, 0, 1.0)).isEqualTo(1000);
        assertThat(EslClient.backoffMillis(1000, 30_000, 0, 0.0)).isEqualTo(500);
        assertThat(EslClient.backoffMillis(1000, 30_000, 1, 1.0)).isEqualTo(2000);
        assertThat(EslClient.backoffMillis(1000, 30_000, 4, 1.0)).isEqualTo(16_000);
        assertThat(EslClient.backoffMillis(1000, 30_000, 5, 1.0)).isEqualTo(30_000);
        assertThat(EslClient.backoffMillis(1000, 30_000, 5, 0.0)).isEqualTo(15_000);
        assertThat(EslClient.backoffMillis(1000, 30_000, 10_000, 0.5)).isBetween(15_000L, 30_000L);
    }
}
