package cn.hotline12345.channels.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hotline12345.channels.ChannelId;
import cn.hotline12345.channels.ChannelInputException;
import cn.hotline12345.channels.InboundMessage;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebFormsTest {

    @Test
    void aWebMessageBecomesAnInboundMessage() {
        InboundMessage message = WebForms.webMessage(
                new JsonObject()
                        .put("formId", "f-1")
                        .put("content", "  路灯坏了  ")
                        .put("phone", "+86 139-1234-5678")
                        .put("publicConsent", true),
                Instant.EPOCH);
        assertThat(message.channel()).isEqualTo(ChannelId.WEB);
        assertThat(message.externalId()).isEqualTo("f-1");
        assertThat(message.content()).isEqualTo("路灯坏了");
        assertThat(message.citizenPhone()).isEqualTo("13912345678");
        assertThat(message.publicConsent()).isTrue();
    }

    @Test
    void badFormsNameTheField() {
        assertThatThrownBy(() -> WebForms.mailboxLetter(
                        new JsonObject().put("content", "x").put("phone", "13912345678"), Instant.EPOCH))
                .isInstanceOf(ChannelInputException.class)
                .extracting(e -> ((ChannelInputException) e).field())
                .isEqualTo("title");
        assertThatThrownBy(() ->
                        WebForms.webMessage(new JsonObject().put("content", "x").put("phone", "abc"), Instant.EPOCH))
                .extracting(e -> ((ChannelInputException) e).field())
                .isEqualTo("phone");
        assertThatThrownBy(() -> WebForms.webMessage(
                        new JsonObject()
                                .put("content", "x")
                                .put("phone", "13912345678")
                                .put("publicConsent", "yes"),
                        Instant.EPOCH))
                .extracting(e -> ((ChannelInputException) e).field())
                .isEqualTo("publicConsent");
    }
}
