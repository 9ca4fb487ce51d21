package cn.hotline12345.hub.notify;

import io.vertx.core.Future;

/** Delivers a notification to a citizen; answers how it went out (e.g. {@code SMS}), or fails to be retried. */
public interface Notifier {

    /** Delivers {@code message}; the same message may be delivered again after a crash, with the same id. */
    Future<String> deliver(OutboxMessage message);
}
