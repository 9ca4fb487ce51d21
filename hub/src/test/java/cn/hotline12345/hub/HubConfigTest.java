package cn.hotline12345.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HubConfigTest {

    @Test
    void theHotlineLinkIsOffWithoutASwitchHost() {
        HubConfig config = HubConfig.fromEnvironment(Map.of("HUB_CTI_PASSWORD", "secret"));
        assertThat(config.cti()).isEmpty();
        assertThat(config.toVerticleConfig("mysql://x", "redis://x").getString("cti.host"))
                .isNull();
    }

    @Test
    void theHotlineLinkHasDefaultsButNoDefaultPassword() {
        assertThatThrownBy(() -> HubConfig.fromEnvironment(Map.of("HUB_CTI_HOST", "fs1.hotline.local")))
                .hasMessageContaining("HUB_CTI_PASSWORD");
        HubConfig config =
                HubConfig.fromEnvironment(Map.of("HUB_CTI_HOST", "fs1.hotline.local", "HUB_CTI_PASSWORD", "s3cret"));
        HubConfig.CtiSettings cti = config.cti().orElseThrow();
        assertThat(cti.port()).isEqualTo(8021);
        assertThat(cti.backoffInitialMillis()).isEqualTo(1000);
        assertThat(cti.backoffMaxMillis()).isEqualTo(30_000);
        assertThat(cti.recordingVariable()).isEqualTo("record_file_path");
        assertThat(config.toString()).doesNotContain("s3cret");
        assertThat(config.withHttpPort(9000).cti()).isEqualTo(config.cti());
        assertThatThrownBy(() -> HubConfig.fromEnvironment(
                        Map.of("HUB_CTI_HOST", "fs1", "HUB_CTI_PASSWORD", "x", "HUB_CTI_PORT", "0")))
                .hasMessageContaining("HUB_CTI_PORT");
    }
}
