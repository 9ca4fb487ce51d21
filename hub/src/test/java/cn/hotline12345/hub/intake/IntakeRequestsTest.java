package cn.hotline12345.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hotline12345.channels.PhoneNumbers;
import org.junit.jupiter.api.Test;

class IntakeRequestsTest {

    @Test
    void titleIsTheFirstSentence() {
        assertThat(IntakeRequests.titleFrom("路灯坏了。请修理")).isEqualTo("路灯坏了");
        assertThat(IntakeRequests.titleFrom("\n\n  噪音扰民！！")).isEqualTo("噪音扰民");
    }

    @Test
    void longTitlesAreCutAtThirtyCharacters() {
        String title = IntakeRequests.titleFrom("很".repeat(50) + "😀");
        assertThat(title).isEqualTo("很".repeat(30) + "…");
    }

    @Test
    void longSentencesAreCutAtTheLastCommaWithinThirtyCharacters() {
        assertThat(IntakeRequests.titleFrom("幸福里小区3栋门口的路灯坏了半个月，晚上老人出门很不安全，请尽快修理。"))
                .isEqualTo("幸福里小区3栋门口的路灯坏了半个月，晚上老人出门很不安全");
    }

    @Test
    void phonesAreNormalised() {
        assertThat(PhoneNumbers.normalise("+86 138-0013-8000")).hasValue("13800138000");
        assertThat(PhoneNumbers.normalise("0086 13800138000")).hasValue("13800138000");
        assertThat(PhoneNumbers.normalise("0571-8888 6666")).hasValue("057188886666");
        assertThat(PhoneNumbers.normalise("12345")).hasValue("12345");
        assertThat(PhoneNumbers.normalise("call me")).isEmpty();
        assertThat(PhoneNumbers.normalise("1234")).isEmpty();
    }
}
