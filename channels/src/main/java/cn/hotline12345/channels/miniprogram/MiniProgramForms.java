package cn.hotline12345.channels.miniprogram;

import cn.hotline12345.channels.ChannelId;
import cn.hotline12345.channels.ChannelInputException;
import cn.hotline12345.channels.Identity;
import cn.hotline12345.channels.InboundMessage;
import cn.hotline12345.channels.PhoneNumbers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A request submitted from the WeChat mini-program (小程序) as an inbound message. The sender is the openid (and
 * unionid) code2session vouched for; the phone is optional and, typed by hand, unverified.
 */
public final class MiniProgramForms {

    /** Longest content accepted. */
    public static final int MAX_CONTENT = 5_000;

    private MiniProgramForms() {}

    /**
     * Parses the form fields {@code requestId} (the client's id for retries), {@code title}, {@code content}, {@code
     * name}, {@code phone}, {@code address} and {@code publicConsent} ({@code true}/{@code false}).
     */
    public static InboundMessage request(Map<String, String> form, String openid, String unionid, Instant receivedAt) {
        String requestId = text(form, "requestId", "请求编号", 64, false);
        String title = text(form, "title", "标题", 100, false);
        String content = text(form, "content", "内容", MAX_CONTENT, true);
        String name = text(form, "name", "姓名", 50, false);
        String rawPhone = text(form, "phone", "联系电话", 32, false);
        String phone = rawPhone == null
                ? null
                : PhoneNumbers.normalise(rawPhone)
                        .orElseThrow(() -> new ChannelInputException("phone", "联系电话格式不正确：" + rawPhone));
        String address = text(form, "address", "地址", 200, false);
        String consent = form.get("publicConsent");
        if (consent != null && !consent.equals("true") && !consent.equals("false")) {
            throw new ChannelInputException("publicConsent", "是否同意公开（publicConsent）须为 true 或 false");
        }
        List<Identity> sender = new ArrayList<>();
        sender.add(Identity.verified(Identity.Kind.MINIPROGRAM_OPENID, openid));
        if (unionid != null && !unionid.isBlank()) {
            sender.add(Identity.verified(Identity.Kind.WECHAT_UNIONID, unionid));
        }
        return new InboundMessage(
                ChannelId.MINIPROGRAM,
                requestId == null ? null : openid + ":" + requestId,
                title,
                content,
                name,
                phone,
                address,
                null,
                "true".equals(consent),
                receivedAt,
                sender);
    }

    private static String text(Map<String, String> form, String field, String label, int max, boolean required) {
        String value = form.get(field);
        if (value == null || value.isBlank()) {
            if (required) {
                throw new ChannelInputException(field, "请填写" + label + "（" + field + "）");
            }
            return null;
        }
        if (value.strip().length() > max) {
            throw new ChannelInputException(field, label + "不能超过" + max + "个字");
        }
        return value.strip();
    }
}
