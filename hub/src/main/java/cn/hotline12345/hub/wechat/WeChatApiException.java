package cn.hotline12345.hub.wechat;

import java.util.Set;

/** WeChat's API answered with a non-zero {@code errcode}. */
public final class WeChatApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private static final Set<Integer> TOKEN_INVALID = Set.of(40001, 40014, 42001);

    /**
     * Codes that no retry will change: 45015 the 48-hour window after the citizen's last message has closed (or they
     * unfollowed), 45047 the customer-service quota for that window is used up, 43004 the citizen does not follow the
     * account, 40003 not an openid of this account, 43019 the citizen is blocked, 48001 the account may not use this
     * API.
     */
    private static final Set<Integer> RECIPIENT_UNREACHABLE = Set.of(45015, 45047, 43004, 40003, 43019, 48001);

    private final int errcode;

    public WeChatApiException(int errcode, String errmsg) {
        super("WeChat errcode " + errcode + ": " + errmsg, null, false, false);
        this.errcode = errcode;
    }

    /** WeChat's error code. */
    public int errcode() {
        return errcode;
    }

    /** Whether the access token was invalid or expired, so a fresh one may succeed. */
    public boolean tokenInvalid() {
        return TOKEN_INVALID.contains(errcode);
    }

    /** Whether WeChat will not deliver to this citizen now, however often it is asked. */
    public boolean recipientUnreachable() {
        return RECIPIENT_UNREACHABLE.contains(errcode);
    }
}
