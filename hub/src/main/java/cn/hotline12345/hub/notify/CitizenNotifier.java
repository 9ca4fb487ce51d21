package cn.hotline12345.hub.notify;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * Routes a notification to the citizen: by SMS when a gateway is configured and the citizen left a phone number;
 * otherwise the reply stays in the progress query (办理进度查询), where the citizen reads it with ticket number and
 * phone. Channel adapters (WeChat customer-service messages) plug in here per channel.
 */
public final class CitizenNotifier implements Notifier {

    private final Optional<Notifier> sms;

    public CitizenNotifier(Optional<Notifier> sms) {
        this.sms = sms;
    }

    @Override
    public Future<String> deliver(OutboxMessage message) {
        if (sms.isPresent()
                && message.recipient() != null
                && message.recipient().matches("1[3-9][0-9]{9}")) {
            return sms.get().deliver(message);
        }
        return Future.succeededFuture("PROGRESS");
    }
}
