package cn.hotline12345.hub.workflow;

import cn.hotline12345.hub.http.Times;
import cn.hotline12345.hub.ticket.TicketAction;
import cn.hotline12345.hub.ticket.TicketStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Fires due deadline clocks exactly once, however many hubs run: each batch locks due clocks with {@code FOR UPDATE
 * SKIP LOCKED}, writes the 催办 (warning) or 督办 (deadline passed; the ticket is flagged overdue) event and marks the
 * clock fired in the same transaction. A clock whose deadline no longer applies (the order was accepted, replied or
 * closed meanwhile) is marked skipped without an event.
 */
public final class ClockWorker {

    private final Pool pool;
    private final Clock clock;
    private final String worker;

    public ClockWorker(Pool pool, Clock clock, String worker) {
        this.pool = pool;
        this.clock = clock;
        this.worker = worker;
    }

    /** Fires up to {@code limit} due clocks; answers how many fired (skipped ones not counted). */
    public Future<Integer> fireDue(int limit) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
        return pool.withTransaction(conn -> conn.preparedQuery(WorkflowSql.DUE_CLOCKS)
                .execute(Tuple.of(now, limit))
                .compose(rows -> {
                    Map<Long, Integer> seqs = new HashMap<>();
                    Future<Integer> chain = Future.succeededFuture(0);
                    for (Row row : rows) {
                        long clockId = row.getLong("id");
                        long ticketId = row.getLong("ticket_id");
                        ClockKind kind = ClockKind.valueOf(row.getString("kind"));
                        boolean due = "DUE".equals(row.getString("stage"));
                        TicketStatus status = TicketStatus.valueOf(row.getString("status"));
                        if (!applies(kind, status)) {
                            chain = chain.compose(count -> conn.preparedQuery(WorkflowSql.MARK_CLOCK_FIRED)
                                    .execute(Tuple.of(now, "SKIPPED", worker, clockId))
                                    .map(count));
                            continue;
                        }
                        int seq = seqs.merge(ticketId, row.getInteger("event_seq") + 1, (a, b) -> a + 1);
                        TicketAction action = due ? TicketAction.SUPERVISE : TicketAction.URGE;
                        JsonObject payload = new JsonObject()
                                .put("automatic", true)
                                .put("clock", kind.name())
                                .put("stage", due ? "DUE" : "WARN")
                                .put("deadline", deadline(row, kind))
                                .put("leadDepartmentId", row.getLong("lead_department_id"))
                                .put(
                                        "note",
                                        due
                                                ? kind.displayName() + "已超过时限，系统自动督办"
                                                : kind.displayName() + "时限即将届满，系统自动催办");
                        chain = chain.compose(count -> conn.preparedQuery(WorkflowSql.INSERT_EVENT)
                                .execute(Tuple.of(
                                        ticketId,
                                        seq,
                                        "system:clock",
                                        action.name(),
                                        status.name(),
                                        status.name(),
                                        now,
                                        payload.encode()))
                                .compose(done -> conn.preparedQuery(WorkflowSql.CLOCK_EVENT_UPDATE)
                                        .execute(Tuple.of(seq, due, now, ticketId)))
                                .compose(done -> conn.preparedQuery(WorkflowSql.MARK_CLOCK_FIRED)
                                        .execute(Tuple.of(now, "FIRED", worker, clockId)))
                                .map(count + 1));
                    }
                    return chain;
                }));
    }

    private static boolean applies(ClockKind kind, TicketStatus status) {
        return switch (kind) {
            case ACCEPT -> status == TicketStatus.DISPATCHED;
            case REPLY -> status.awaitingReply();
            case FOLLOW_UP -> status == TicketStatus.FOLLOW_UP;
        };
    }

    private static String deadline(Row row, ClockKind kind) {
        LocalDateTime at =
                switch (kind) {
                    case ACCEPT -> row.getLocalDateTime("accept_due_at");
                    case REPLY -> row.getLocalDateTime("reply_due_at");
                    case FOLLOW_UP -> row.getLocalDateTime("follow_up_due_at");
                };
        return Times.iso(at);
    }
}
