package cn.hotline12345.hub.wechat;

import cn.hotline12345.hub.notify.Notifier;
import cn.hotline12345.hub.notify.OutboxMessage;
import cn.hotline12345.hub.notify.Undeliverable;
import io.vertx.core.Future;

/**
 * Notifies a citizen who wrote through the official account with a text customer-service message (客服消息) to their
 * openid. Refusals no retry can cure (see {@link WeChatApiException#recipientUnreachable()}) fail as {@link
 * Undeliverable}, so the message falls back to another way; anything else fails for the outbox to retry. Texts
 * longer than 600 characters are cut; the whole reply stays in the progress query.
 */
public final class WeChatNotifier implements Notifier {

    private static final int MAX_CHARS = 600;

    private final WeChatApi api;

    public WeChatNotifier(WeChatApi api) {
        this.api = api;
    }

    @Override
    public Future<String> deliver(OutboxMessage message) {
        return api.sendText(message.recipient(), bounded(message.text()))
                .map("WECHAT")
                .recover(failure -> failure instanceof WeChatApiException refused && refused.recipientUnreachable()
                        ? Future.failedFuture(
                                new Undeliverable(String.valueOf(refused.errcode()), refused.getMessage()))
                        : Future.failedFuture(failure));
    }

    private static String bounded(String text) {
        return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) + "…（完整内容请查询办理进度）" : text;
    }
}
