package cn.hotline12345.hub.ticket;

import io.vertx.core.Future;
import io.vertx.mysqlclient.MySQLClient;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Hands out readable, date-ordered ticket numbers: {@code yyyyMMdd} (Asia/Shanghai) followed by a six-digit sequence,
 * e.g. {@code 20261122000123}. Numbers are reserved from the database in blocks, so several hub instances never hand
 * out the same number; a block left unused by a stopped instance leaves a gap. One instance per event loop: not
 * thread-safe.
 */
public final class TicketNumbers {

    /** The time zone of the ticket date. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    private static final int MAX_PER_DAY = 999_999;

    private final Pool pool;
    private final Clock clock;
    private final int blockSize;
    private LocalDate day;
    private int next;
    private int limit;
    private Future<Void> refill;

    public TicketNumbers(Pool pool, Clock clock, int blockSize) {
        this.pool = pool;
        this.clock = clock;
        this.blockSize = blockSize;
    }

    /** The next free ticket number. */
    public Future<String> next() {
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        if (today.equals(day) && next < limit) {
            return Future.succeededFuture(format(today, next++));
        }
        if (refill == null) {
            refill = reserve(today).onComplete(done -> refill = null);
        }
        return refill.compose(reserved -> next());
    }

    /** Formats a day and sequence as a ticket number. */
    public static String format(LocalDate day, int sequence) {
        return DAY.format(day) + String.format(Locale.ROOT, "%06d", sequence);
    }

    private Future<Void> reserve(LocalDate today) {
        return pool.preparedQuery(TicketSql.ENSURE_NUMBER_DAY)
                .execute(Tuple.of(today))
                .compose(ensured ->
                        pool.preparedQuery(TicketSql.TAKE_NUMBER_BLOCK).execute(Tuple.of(blockSize, today)))
                .compose(rows -> {
                    int end = rows.property(MySQLClient.LAST_INSERTED_ID).intValue();
                    int start = end - blockSize;
                    if (end - 1 > MAX_PER_DAY) {
                        return Future.failedFuture(
                                new IllegalStateException("Ticket numbers of " + today + " are exhausted"));
                    }
                    day = today;
                    next = start;
                    limit = end;
                    return Future.<Void>succeededFuture();
                });
    }
}
