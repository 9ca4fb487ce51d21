package cn.hotline12345.hub.intake;

import cn.hotline12345.channels.ChannelId;
import cn.hotline12345.channels.InboundMessage;
import cn.hotline12345.channels.PhoneNumbers;
import cn.hotline12345.hub.http.ApiException;
import cn.hotline12345.hub.http.JsonInput;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns the JSON of {@code POST /api/v1/requests} into an {@link InboundMessage}, or a 400 naming every bad field. */
public final class IntakeRequests {

    /** Longest accepted request text, in characters; a long hotline transcript fits. */
    public static final int MAX_CONTENT = 20_000;

    public static final int MAX_TITLE = 100;
    public static final int MAX_KEY = 128;
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,128}");
    private static final String CHANNELS =
            Arrays.stream(ChannelId.values()).map(ChannelId::id).collect(Collectors.joining("、"));

    private IntakeRequests() {}

    /** Validates and normalises one request body. */
    public static InboundMessage parse(JsonInput body, Instant receivedAt) {
        String channelId = body.requiredText("channel", "渠道", 32);
        ChannelId channel = null;
        if (channelId != null) {
            channel = ChannelId.of(channelId).orElse(null);
            if (channel == null) {
                body.reject("channel", "不支持的渠道：" + channelId + "，可选值为 " + CHANNELS);
            }
        }
        String content = body.requiredText("content", "诉求内容", MAX_CONTENT);
        String title = body.text("title", "标题", MAX_TITLE);
        JsonInput citizen = body.object("citizen", "诉求人");
        String name = citizen.text("name", "姓名", 50);
        String rawPhone = citizen.text("phone", "联系电话", 32);
        String phone = null;
        if (rawPhone != null) {
            phone = PhoneNumbers.normalise(rawPhone).orElse(null);
            if (phone == null) {
                citizen.reject("phone", "联系电话格式不正确：" + rawPhone);
            }
        }
        String address = body.text("address", "地址", 200);
        String area = body.text("area", "所属区域", 50);
        String externalId = body.text("externalId", "渠道消息编号", MAX_KEY);
        boolean publicConsent = body.bool("publicConsent", "是否同意公开", false);
        body.throwIfInvalid();
        return new InboundMessage(
                channel, externalId, title, content, name, phone, address, area, publicConsent, receivedAt);
    }

    /** Validates an {@code Idempotency-Key} header value; null stays null. */
    public static String idempotencyKey(String header) {
        if (header == null) {
            return null;
        }
        String key = header.strip();
        if (!KEY.matcher(key).matches()) {
            throw ApiException.invalid("Idempotency-Key", "Idempotency-Key 须为1到128个可见ASCII字符");
        }
        return key;
    }

    /** A title for agents' lists when the citizen gave none: the first sentence, at most 30 characters. */
    public static String titleFrom(String content) {
        String firstLine = content.lines()
                .filter(l -> !l.isBlank())
                .findFirst()
                .orElse(content)
                .strip();
        int end = firstLine.length();
        for (int i = 0; i < firstLine.length(); i++) {
            if ("。！？!?；;".indexOf(firstLine.charAt(i)) >= 0) {
                end = i;
                break;
            }
        }
        String sentence = firstLine.substring(0, end).strip();
        if (sentence.isEmpty()) {
            sentence = firstLine;
        }
        if (sentence.codePointCount(0, sentence.length()) <= 30) {
            return sentence;
        }
        String head = sentence.substring(0, sentence.offsetByCodePoints(0, 30));
        int comma = Math.max(head.lastIndexOf('，'), head.lastIndexOf(','));
        return comma >= 10 ? head.substring(0, comma) : head + "…";
    }
}
