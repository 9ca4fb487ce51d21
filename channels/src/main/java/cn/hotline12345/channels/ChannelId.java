package cn.hotline12345.channels;

import java.util.Arrays;
import java.util.Optional;

/** The ways a citizen reaches the hub; the id is stored with every ticket. */
public enum ChannelId {
    /** 12345 热线: an agent registers the call. */
    HOTLINE("hotline", "12345热线"),
    /** 网友留言 on the government website. */
    WEB("web", "网友留言"),
    /** 领导信箱: 书记/市长/局长信箱. */
    MAILBOX("mailbox", "领导信箱"),
    /** WeChat official account (公众号). */
    WECHAT("wechat", "微信公众号"),
    /** WeChat mini-program (小程序). */
    MINIPROGRAM("miniprogram", "微信小程序"),
    /** Government service app or any partner system posting through the open API. */
    APP("app", "政务服务App");

    private final String id;
    private final String displayName;

    ChannelId(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** The stable lowercase id used in APIs and stored rows, e.g. {@code "wechat"}. */
    public String id() {
        return id;
    }

    /** The Chinese name shown to people, e.g. 微信公众号. */
    public String displayName() {
        return displayName;
    }

    /** The channel with this id, if any. */
    public static Optional<ChannelId> of(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
