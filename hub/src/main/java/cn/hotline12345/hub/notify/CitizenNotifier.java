package cn.hotline12345.hub.notify;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a notification to the citizen by the channel they used:
 *
 * <ul>
 *   <li>a WeChat ticket whose recipient is an openid goes out as a WeChat customer-service message when the WeChat API
 *       is configured;
 *   <li>a mobile number gets an SMS when a gateway is configured;
 *   <li>otherwise the reply stays in the progress query (办理进度查询), where the citizen reads it with ticket number
 *       and phone ({@code PROGRESS}).
 * </ul>
 *
 * <p>When a channel refuses a message for good ({@link Undeliverable}: WeChat's 48-hour window closed, the citizen
 * unfollowed the account, the reply quota is used up) the message is not retried: it goes by SMS if the ticket holds a
 * mobile number, else to the progress query, and the delivery records why, e.g. {@code SMS:45015}. Any other failure
 * fails the delivery, and the outbox retries it with backoff.
 */
public final class CitizenNotifier implements Notifier {

    private static final Logger log = LoggerFactory.getLogger(CitizenNotifier.class);
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

    private final Pool pool;
    private final Optional<Notifier> sms;
    private final Optional<Notifier> wechat;

    /**
     * @param pool where the ticket's phone number is looked up for a fallback
     * @param sms the SMS gateway, if configured
     * @param wechat customer-service messages to WeChat openids, if configured
     */
    public CitizenNotifier(Pool pool, Optional<Notifier> sms, Optional<Notifier> wechat) {
        this.pool = pool;
        this.sms = sms;
        this.wechat = wechat;
    }

    @Override
    public Future<String> deliver(OutboxMessage message) {
        String recipient = message.recipient();
        if (recipient != null && MOBILE.matcher(recipient).matches()) {
            return sms.isPresent() ? sms.get().deliver(message) : Future.succeededFuture("PROGRESS");
        }
        if ("wechat".equals(message.channel()) && recipient != null && !recipient.isBlank()) {
            if (wechat.isEmpty()) {
                return fallBack(message, null);
            }
            return wechat.get().deliver(message).recover(failure -> {
                if (failure instanceof Undeliverable refused) {
                    log.info(
                            "Outbox message {} (ticket {}) refused by WeChat ({}); falling back",
                            message.id(),
                            message.ticketId(),
                            refused.getMessage());
                    return fallBack(message, refused.code());
                }
                return Future.failedFuture(failure);
            });
        }
        return Future.succeededFuture("PROGRESS");
    }

    private Future<String> fallBack(OutboxMessage message, String reason) {
        String suffix = reason == null ? "" : ":" + reason;
        if (sms.isEmpty()) {
            return Future.succeededFuture("PROGRESS" + suffix);
        }
        return pool.preparedQuery(OutboxSql.CITIZEN_PHONE)
                .execute(Tuple.of(message.ticketId()))
                .compose(rows -> {
                    String phone = null;
                    for (Row row : rows) {
                        phone = row.getString("citizen_phone");
                    }
                    return phone != null && MOBILE.matcher(phone).matches()
                            ? sms.get().deliver(message.withRecipient(phone)).map(via -> via + suffix)
                            : Future.succeededFuture("PROGRESS" + suffix);
                });
    }
}
