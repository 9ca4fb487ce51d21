package cn.hotline12345.channels.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EslFrameDecoderTest {

    private static final String EVENT_BODY = "Event-Name: CHANNEL_ANSWER\n"
            + "Unique-ID: 6ca677a4-c488-11e1-a947-cf9911a69d1e\n"
            + "Caller-Caller-ID-Number: 13800001111\n"
            + "variable_record_file_path: %2Fvar%2Flib%2Ffreeswitch%2Frecordings%2F%E6%9D%A5%E7%94%B5.wav\n\n";

    private static List<Object> decode(String... chunks) {
        EmbeddedChannel channel = new EmbeddedChannel(new EslFrameDecoder());
        for (String chunk : chunks) {
            channel.writeInbound(Unpooled.copiedBuffer(chunk, StandardCharsets.UTF_8));
        }
        List<Object> out = new ArrayList<>();
        for (Object frame = channel.readInbound(); frame != null; frame = channel.readInbound()) {
            out.add(frame);
        }
        assertThat(channel.isActive()).isTrue();
        return out;
    }

    private static String event(String body) {
        return "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\n"
                + "Content-Type: text/event-plain\n\n" + body;
    }

    @Test
    void readsHeaderOnlyFrames() {
        List<Object> frames =
                decode("Content-Type: auth/request\n\n", "Content-Type: command/reply\nReply-Text: +OK accepted\n\n");
        assertThat(frames).hasSize(2);
        assertThat(((EslFrame) frames.get(0)).contentType()).isEqualTo("auth/request");
        EslFrame reply = (EslFrame) frames.get(1);
        assertThat(reply.header("Reply-Text")).hasValue("+OK accepted");
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void readsBodiesByContentLengthInBytesAcrossChunks() {
        String whole = event(EVENT_BODY);
        List<Object> frames = decode(whole.substring(0, 10), whole.substring(10, 60), whole.substring(60));
        assertThat(frames).hasSize(1);
        EslFrame frame = (EslFrame) frames.get(0);
        assertThat(frame.contentType()).isEqualTo("text/event-plain");
        assertThat(frame.body()).isEqualTo(EVENT_BODY);
    }

    @Test
    void readsSeveralFramesFromOneChunk() {
        List<Object> frames = decode(event(EVENT_BODY) + event(EVENT_BODY)
                + "Content-Type: text/disconnect-notice\nContent-Length: 23\n\nDisconnected, goodbye.\n");
        assertThat(frames).hasSize(3);
        assertThat(((EslFrame) frames.get(2)).contentType()).isEqualTo("text/disconnect-notice");
        assertThat(((EslFrame) frames.get(2)).body()).isEqualTo("Disconnected, goodbye.\n");
    }

    @Test
    void acceptsCarriageReturns() {
        List<Object> frames = decode("Content-Type: command/reply\r\nReply-Text: -ERR invalid\r\n\r\n");
        assertThat(((EslFrame) frames.get(0)).header("Reply-Text")).hasValue("-ERR invalid");
    }

    @Test
    void skipsMalformedFramesAndGoesOn() {
        List<Object> frames = decode(
                "Content-Length: lots\nContent-Type: text/event-plain\n\n",
                "garbage without a colon\n\n",
                event(EVENT_BODY));
        assertThat(frames).hasSize(3);
        assertThat(frames.subList(0, 2)).allMatch(EslFrameDecoder.Malformed.class::isInstance);
        assertThat(((EslFrame) frames.get(2)).body()).isEqualTo(EVENT_BODY);
    }

    @Test
    void skipsAnOversizedBodyByItsLength() {
        int length = EslFrameDecoder.MAX_BODY_BYTES + 1;
        List<Object> frames = decode(
                "Content-Length: " + length + "\nContent-Type: text/event-plain\n\n",
                "x".repeat(length),
                event(EVENT_BODY));
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0)).isInstanceOf(EslFrameDecoder.Malformed.class);
        assertThat(((EslFrame) frames.get(1)).body()).isEqualTo(EVENT_BODY);
    }

    @Test
    void skipsAnOversizedHeaderBlockUpToItsEnd() {
        String huge = "X-Junk: " + "a".repeat(EslFrameDecoder.MAX_HEADER_BYTES + 10) + "\n";
        List<Object> frames = decode(huge, "still junk\n\n", "Content-Type: auth/request\n\n");
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0)).isInstanceOf(EslFrameDecoder.Malformed.class);
        assertThat(((EslFrame) frames.get(1)).contentType()).isEqualTo("auth/request");
    }
}
