package cn.hotline12345.channels.web;

import cn.hotline12345.channels.ChannelId;
import cn.hotline12345.channels.ChannelInputException;
import cn.hotline12345.channels.InboundMessage;
import cn.hotline12345.channels.PhoneNumbers;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * The government website's forms as inbound messages: 网友留言 (web messages) and letters to a leader mailbox
 * (领导信箱). Both need a contact phone (for the reply and the progress query) and say whether the citizen agrees to
 * publish the request and its reply (政务公开); mailbox letters need a title and are private unless the citizen agrees.
 */
public final class WebForms {

    /** Longest content accepted. */
    public static final int MAX_CONTENT = 5_000;

    private WebForms() {}

    /** A 网友留言 form: {@code title}, {@code content}, {@code name}, {@code phone}, {@code address}, consent. */
    public static InboundMessage webMessage(JsonObject form, Instant receivedAt) {
        return parse(ChannelId.WEB, form, receivedAt, false);
    }

    /** A letter to a leader mailbox: as a web message, with a required {@code title}. */
    public static InboundMessage mailboxLetter(JsonObject form, Instant receivedAt) {
        return parse(ChannelId.MAILBOX, form, receivedAt, true);
    }

    private static InboundMessage parse(ChannelId channel, JsonObject form, Instant receivedAt, boolean titleRequired) {
        String title = text(form, "title", "标题", 100, titleRequired);
        String content = text(form, "content", "内容", MAX_CONTENT, true);
        String name = text(form, "name", "姓名", 50, false);
        String rawPhone = text(form, "phone", "联系电话", 32, true);
        String phone = PhoneNumbers.normalise(rawPhone)
                .orElseThrow(() -> new ChannelInputException("phone", "联系电话格式不正确：" + rawPhone));
        String address = text(form, "address", "地址", 200, false);
        String formId = text(form, "formId", "表单编号", 128, false);
        Object consent = form.getValue("publicConsent");
        if (consent != null && !(consent instanceof Boolean)) {
            throw new ChannelInputException("publicConsent", "是否同意公开（publicConsent）须为 true 或 false");
        }
        return new InboundMessage(
                channel, formId, title, content, name, phone, address, null, Boolean.TRUE.equals(consent), receivedAt);
    }

    private static String text(JsonObject form, String field, String label, int max, boolean required) {
        Object value = form.getValue(field);
        if (value == null || value instanceof String s && s.isBlank()) {
            if (required) {
                throw new ChannelInputException(field, "请填写" + label + "（" + field + "）");
            }
            return null;
        }
        if (!(value instanceof String s)) {
            throw new ChannelInputException(field, label + "（" + field + "）须为文本");
        }
        if (s.strip().length() > max) {
            throw new ChannelInputException(field, label + "不能超过" + max + "个字");
        }
        return s.strip();
    }
}
