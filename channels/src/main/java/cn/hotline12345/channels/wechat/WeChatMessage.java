package cn.hotline12345.channels.wechat;

/**
 * A message or event the WeChat server pushed to the official account.
 *
 * @param toUser the official account (ToUserName)
 * @param fromUser the citizen's openid (FromUserName)
 * @param createTime seconds since the epoch
 * @param type text, image, voice, event …
 * @param content the text, or null
 * @param msgId the message id (text and media), or null for events
 * @param event the event (subscribe, unsubscribe, CLICK …), or null
 * @param eventKey the menu key of a CLICK, or null
 */
public record WeChatMessage(
        String toUser,
        String fromUser,
        long createTime,
        String type,
        String content,
        String msgId,
        String event,
        String eventKey) {

    /** An id that is the same on every retry: the MsgId, or for events the sender, time, event and menu key. */
    public String dedupeKey() {
        return msgId != null
                ? msgId
                : fromUser + "@" + createTime + ":" + event + (eventKey == null ? "" : ":" + eventKey);
    }
}
