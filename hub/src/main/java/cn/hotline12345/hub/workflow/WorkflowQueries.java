package cn.hotline12345.hub.workflow;

import cn.hotline12345.hub.account.StaffUser;
import cn.hotline12345.hub.directory.Department;
import cn.hotline12345.hub.directory.Directory;
import cn.hotline12345.hub.http.ApiException;
import cn.hotline12345.hub.ticket.TicketAction;
import cn.hotline12345.hub.ticket.TicketStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** The read side of the workflow: a ticket's detail with its events and clocks, and the dispatchers' queues. */
public final class WorkflowQueries {

    private final Pool pool;
    private final Supplier<Directory> directory;

    public WorkflowQueries(Pool pool, Supplier<Directory> directory) {
        this.pool = pool;
        this.directory = directory;
    }

    /** A ticket with its events and clocks as {@code user} may see it; 404 for a department with no part in it. */
    public Future<JsonObject> detail(String ticketNo, StaffUser user) {
        return pool.preparedQuery(WorkflowSql.TICKET_DETAIL)
                .execute(Tuple.of(ticketNo))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        throw ApiException.notFound("工单 " + ticketNo + " 不存在");
                    }
                    Row t = rows.iterator().next();
                    long id = t.getLong("id");
                    return pool.preparedQuery(WorkflowSql.CO_DEPARTMENTS)
                            .execute(Tuple.of(id))
                            .compose(co -> {
                                List<Long> coIds = new ArrayList<>();
                                co.forEach(r -> coIds.add(r.getLong(0)));
                                Long lead = t.getLong("lead_department_id");
                                if (user.role().inDepartment()
                                        && !(user.departmentId().equals(lead) || coIds.contains(user.departmentId()))) {
                                    throw ApiException.notFound("工单 " + ticketNo + " 不存在");
                                }
                                return pool.preparedQuery(WorkflowSql.EVENTS)
                                        .execute(Tuple.of(id))
                                        .compose(events -> pool.preparedQuery(WorkflowSql.CLOCKS)
                                                .execute(Tuple.of(id))
                                                .map(clocks -> toDetail(t, lead, coIds, events, clocks)));
                            });
                });
    }

    /** The 待派单 queue, oldest first, each with the routing explanation recorded when it could not be routed. */
    public Future<JsonObject> pendingDispatch(long after, int limit) {
        return page(WorkflowSql.PENDING_DISPATCH_QUEUE, after, limit, row -> new JsonObject()
                .put("ticketNo", row.getString("ticket_no"))
                .put("channel", row.getString("channel"))
                .put("title", row.getString("title"))
                .put("excerpt", row.getString("excerpt"))
                .put("type", row.getString("request_type"))
                .put("category", row.getString("category"))
                .put("subcategory", row.getString("subcategory"))
                .put("address", row.getString("address"))
                .put("areaCode", row.getString("area_code"))
                .put("createdAt", iso(row.getLocalDateTime("created_at")))
                .put(
                        "routing",
                        row.getString("routing") == null
                                ? null
                                : new JsonObject(row.getString("routing")).getJsonObject("routing")));
    }

    /** Returns (退单) waiting for a dispatcher's decision. */
    public Future<JsonObject> returns(long after, int limit) {
        return page(WorkflowSql.RETURN_QUEUE, after, limit, row -> new JsonObject()
                .put("ticketNo", row.getString("ticket_no"))
                .put("title", row.getString("title"))
                .put("category", row.getString("category"))
                .put("lead", department(row.getLong("lead_department_id")))
                .put("reasonCode", row.getString("reason_code"))
                .put(
                        "reasonName",
                        ReturnReason.valueOf(row.getString("reason_code")).displayName())
                .put("reason", row.getString("reason_text"))
                .put("requestedBy", row.getString("requested_by"))
                .put("requestedAt", iso(row.getLocalDateTime("requested_at"))));
    }

    /** Tickets past a deadline ({@code overdue}) or warned and not yet past one, for supervisors. */
    public Future<JsonObject> late(boolean overdue, long after, int limit) {
        String sql = overdue ? WorkflowSql.OVERDUE_QUEUE : WorkflowSql.WARNED_QUEUE;
        Function<Row, JsonObject> map = row -> new JsonObject()
                .put("ticketNo", row.getString("ticket_no"))
                .put("title", row.getString("title"))
                .put("status", row.getString("status"))
                .put("statusName", TicketStatus.valueOf(row.getString("status")).displayName())
                .put("category", row.getString("category"))
                .put("lead", department(row.getLong("lead_department_id")))
                .put("acceptDueAt", iso(row.getLocalDateTime("accept_due_at")))
                .put("replyDueAt", iso(row.getLocalDateTime("reply_due_at")))
                .put("followUpDueAt", iso(row.getLocalDateTime("follow_up_due_at")))
                .put("overdue", row.getBoolean("overdue"));
        return overdue
                ? pool.preparedQuery(sql).execute(Tuple.of(true, after, limit)).map(rows -> pageOf(rows, limit, map))
                : page(sql, after, limit, map);
    }

    private Future<JsonObject> page(String sql, long after, int limit, Function<Row, JsonObject> map) {
        return pool.preparedQuery(sql).execute(Tuple.of(after, limit)).map(rows -> pageOf(rows, limit, map));
    }

    private static JsonObject pageOf(Iterable<Row> rows, int limit, Function<Row, JsonObject> map) {
        JsonArray items = new JsonArray();
        long last = 0;
        for (Row row : rows) {
            items.add(map.apply(row).put("id", row.getLong("id")));
            last = row.getLong("id");
        }
        return new JsonObject().put("items", items).put("next", items.size() < limit ? null : last);
    }

    private JsonObject toDetail(Row t, Long lead, List<Long> coIds, Iterable<Row> events, Iterable<Row> clocks) {
        JsonArray co = new JsonArray();
        coIds.forEach(id -> co.add(department(id)));
        JsonArray history = new JsonArray();
        for (Row e : events) {
            TicketAction action = TicketAction.valueOf(e.getString("action"));
            history.add(new JsonObject()
                    .put("seq", e.getInteger("seq"))
                    .put("actor", e.getString("actor"))
                    .put("action", action.name())
                    .put("actionName", action.displayName())
                    .put("fromStatus", e.getString("from_status"))
                    .put("toStatus", e.getString("to_status"))
                    .put("at", iso(e.getLocalDateTime("occurred_at")))
                    .put("payload", new JsonObject(e.getString("payload"))));
        }
        JsonArray timers = new JsonArray();
        for (Row c : clocks) {
            timers.add(new JsonObject()
                    .put("kind", c.getString("kind"))
                    .put("stage", c.getString("stage"))
                    .put("fireAt", iso(c.getLocalDateTime("fire_at")))
                    .put("firedAt", iso(c.getLocalDateTime("fired_at")))
                    .put("outcome", c.getString("outcome")));
        }
        TicketStatus status = TicketStatus.valueOf(t.getString("status"));
        return new JsonObject()
                .put("ticketNo", t.getString("ticket_no"))
                .put("channel", t.getString("channel"))
                .put("status", status.name())
                .put("statusName", status.displayName())
                .put("title", t.getString("title"))
                .put("content", t.getString("content"))
                .put("type", t.getString("request_type"))
                .put("category", t.getString("category"))
                .put("subcategory", t.getString("subcategory"))
                .put("urgency", t.getString("urgency"))
                .put("address", t.getString("address"))
                .put("area", t.getString("area"))
                .put("areaCode", t.getString("area_code"))
                .put("lead", lead == null ? null : department(lead))
                .put("coUnits", co)
                .put("routingVersion", t.getInteger("routing_version"))
                .put("routingRowNo", t.getInteger("routing_row_no"))
                .put("dispatchedAt", iso(t.getLocalDateTime("dispatched_at")))
                .put("acceptedAt", iso(t.getLocalDateTime("accepted_at")))
                .put("returnDueAt", iso(t.getLocalDateTime("return_due_at")))
                .put("acceptDueAt", iso(t.getLocalDateTime("accept_due_at")))
                .put("replyDueAt", iso(t.getLocalDateTime("reply_due_at")))
                .put("followUpDueAt", iso(t.getLocalDateTime("follow_up_due_at")))
                .put("pausedAt", iso(t.getLocalDateTime("paused_at")))
                .put("extendedDays", t.getInteger("extended_days"))
                .put("overdue", t.getBoolean("overdue"))
                .put("triage", t.getBoolean("triage"))
                .put("createdAt", iso(t.getLocalDateTime("created_at")))
                .put("updatedAt", iso(t.getLocalDateTime("updated_at")))
                .put("events", history)
                .put("clocks", timers);
    }

    private JsonObject department(Long id) {
        if (id == null) {
            return null;
        }
        return directory.get().department(id).map(Department::reference).orElse(new JsonObject().put("id", id));
    }

    private static String iso(LocalDateTime utc) {
        return utc == null ? null : cn.hotline12345.hub.http.Times.iso(utc.toInstant(ZoneOffset.UTC));
    }
}
