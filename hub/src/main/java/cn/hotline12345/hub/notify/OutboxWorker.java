package cn.hotline12345.hub.notify;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: notifications written in the same transaction as the state change that caused them. Each run
 * leases due messages ({@code FOR UPDATE SKIP LOCKED}, so one hub per message), delivers them, and marks them sent, or
 * schedules a retry with exponential backoff; after {@value #MAX_ATTEMPTS} attempts a message is marked failed for
 * admins to see. A hub that dies mid-delivery leaves the lease to expire, and another delivers the message again with
 * the same reference.
 */
public final class OutboxWorker {

    /** Attempts before a message is given up as failed. */
    public static final int MAX_ATTEMPTS = 12;

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final Pool pool;
    private final Notifier notifier;
    private final Clock clock;
    private final Duration firstRetry;

    public OutboxWorker(Pool pool, Notifier notifier, Clock clock, Duration firstRetry) {
        this.pool = pool;
        this.notifier = notifier;
        this.clock = clock;
        this.firstRetry = firstRetry;
    }

    /** Delivers up to {@code limit} due messages; answers how many were taken. */
    public Future<Integer> deliverDue(int limit) {
        LocalDateTime now = now();
        return pool.withTransaction(conn -> conn.preparedQuery(OutboxSql.DUE)
                        .execute(Tuple.of(now, limit))
                        .compose(rows -> {
                            List<OutboxMessage> leased = new ArrayList<>();
                            List<Tuple> leases = new ArrayList<>();
                            for (Row row : rows) {
                                leased.add(new OutboxMessage(
                                        row.getLong("id"),
                                        row.getLong("ticket_id"),
                                        row.getString("channel"),
                                        row.getString("recipient"),
                                        row.getString("kind"),
                                        row.getString("text"),
                                        row.getInteger("attempts") + 1));
                                leases.add(Tuple.of(now.plus(LEASE), row.getLong("id")));
                            }
                            return leases.isEmpty()
                                    ? Future.succeededFuture(leased)
                                    : conn.preparedQuery(OutboxSql.LEASE)
                                            .executeBatch(leases)
                                            .map(done -> leased);
                        }))
                .compose(leased -> {
                    List<Future<Void>> deliveries = new ArrayList<>();
                    for (OutboxMessage message : leased) {
                        deliveries.add(deliver(message));
                    }
                    return Future.join(deliveries).map(done -> leased.size());
                });
    }

    private Future<Void> deliver(OutboxMessage message) {
        return notifier.deliver(message)
                .compose(via -> pool.preparedQuery(OutboxSql.SENT)
                        .execute(Tuple.of(now(), via, message.id()))
                        .<Void>mapEmpty())
                .recover(failure -> {
                    boolean giveUp = message.attempts() >= MAX_ATTEMPTS;
                    long delay = Math.min(3600, firstRetry.toSeconds() << Math.min(message.attempts() - 1, 12));
                    String error = String.valueOf(failure.getMessage());
                    log.warn(
                            "Outbox message {} (ticket {}) not delivered, attempt {}: {}",
                            message.id(),
                            message.ticketId(),
                            message.attempts(),
                            error);
                    return pool.preparedQuery(OutboxSql.RETRY)
                            .execute(Tuple.of(
                                    giveUp ? "FAILED" : "PENDING",
                                    now().plusSeconds(delay),
                                    error.length() > 500 ? error.substring(0, 500) : error,
                                    message.id()))
                            .mapEmpty();
                });
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }
}
