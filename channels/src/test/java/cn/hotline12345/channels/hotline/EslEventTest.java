package cn.hotline12345.channels.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EslEventTest {

    @Test
    void readsTheCallFieldsUrlDecoded() {
        EslEvent event = EslEvent.parse("Event-Name: CHANNEL_HANGUP_COMPLETE\n"
                + "Unique-ID: 6ca677a4-c488-11e1-a947-cf9911a69d1e\n"
                + "Caller-Caller-ID-Number: %2B8613800001111\n"
                + "Caller-Destination-Number: 12345\n"
                + "variable_dialed_user: 8001\n"
                + "Caller-Channel-Answered-Time: 1767225600000000\n"
                + "Caller-Channel-Hangup-Time: 0\n"
                + "variable_end_epoch: 1767225687\n"
                + "variable_billsec: 87\n"
                + "variable_duration: 95\n"
                + "Hangup-Cause: NORMAL_CLEARING\n"
                + "variable_record_file_path: %2Frec%2F%E5%BD%95%E9%9F%B3+1.wav\n"
                + "\n"
                + "Content-Length: 5\n\nhello");
        assertThat(event.name()).isEqualTo("CHANNEL_HANGUP_COMPLETE");
        assertThat(event.uniqueId()).hasValue("6ca677a4-c488-11e1-a947-cf9911a69d1e");
        assertThat(event.callerNumber()).hasValue("+8613800001111");
        assertThat(event.extension()).hasValue("8001");
        assertThat(event.answeredAt()).hasValue(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(event.endedAt()).hasValue(Instant.parse("2026-01-01T00:01:27Z"));
        assertThat(event.billedSeconds()).hasValue(87);
        assertThat(event.durationSeconds()).hasValue(95);
        assertThat(event.hangupCause()).hasValue("NORMAL_CLEARING");
        assertThat(event.variable("record_file_path")).hasValue("/rec/录音+1.wav");
        assertThat(event.headers()).doesNotContainKey("Content-Length");
    }

    @Test
    void fallsBackToTheDestinationAndLeavesBrokenEscapesAlone() {
        EslEvent event = EslEvent.parse(
                "Event-Name: CHANNEL_ANSWER\nCaller-Destination-Number: 8002\nvariable_billsec: x\nX: 100%zz%4\n\n");
        assertThat(event.extension()).hasValue("8002");
        assertThat(event.billedSeconds()).isEmpty();
        assertThat(event.uniqueId()).isEmpty();
        assertThat(event.header("X")).hasValue("100%zz%4");
    }

    @Test
    void refusesBodiesThatAreNoEvent() {
        assertThatThrownBy(() -> EslEvent.parse("just text\n\n")).isInstanceOf(IllegalArgumentException.class);
    }
}
