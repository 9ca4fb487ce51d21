package cn.hotline12345.channels;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * One way to recognise a citizen across channels: a phone number, a WeChat official-account openid, a mini-program
 * openid or a WeChat unionid. Only verified identities link tickets to a citizen automatically.
 *
 * @param kind what the value is
 * @param value the identifier itself
 * @param verified whether a provider vouches for it: an openid in a signed WeChat message or from code2session, a
 *     caller number from the switch. A phone typed into a form is not verified.
 */
public record Identity(Kind kind, String value, boolean verified) {

    /** The kinds of identifier the hub links citizens by. */
    public enum Kind {
        /** A mobile or fixed-line number (手机号/电话). */
        PHONE,
        /** The openid of a follower of the official account (公众号). */
        WECHAT_OPENID,
        /** The openid of a mini-program user (小程序). */
        MINIPROGRAM_OPENID,
        /** The unionid shared by one WeChat user's openids under one open-platform account. */
        WECHAT_UNIONID
    }

    public Identity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 128) {
            throw new IllegalArgumentException("identifier must have 1 to 128 characters");
        }
    }

    /** As JSON: {@code kind}, {@code value}, {@code verified}. */
    public JsonObject toJson() {
        return new JsonObject().put("kind", kind.name()).put("value", value).put("verified", verified);
    }

    /** The identity {@link #toJson()} wrote. */
    public static Identity fromJson(JsonObject json) {
        return new Identity(
                Kind.valueOf(json.getString("kind")), json.getString("value"), json.getBoolean("verified", false));
    }

    /** A verified identifier. */
    public static Identity verified(Kind kind, String value) {
        return new Identity(kind, value, true);
    }
}
