package cn.hotline12345.hub.workflow;

import cn.hotline12345.hub.account.AuditLog;
import cn.hotline12345.hub.account.StaffUser;
import cn.hotline12345.hub.directory.Department;
import cn.hotline12345.hub.directory.Directory;
import cn.hotline12345.hub.hotline.HotlineCalls;
import cn.hotline12345.hub.http.ApiException;
import cn.hotline12345.hub.http.Times;
import cn.hotline12345.hub.ticket.TicketAction;
import cn.hotline12345.hub.ticket.TicketStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** The read side of the workflow: a ticket's detail with its events and clocks, and the dispatchers' queues. */
public final class WorkflowQueries {

    private static final String REPORT = "举报";

    private final Pool pool;
    private final Supplier<Directory> directory;

    public WorkflowQueries(Pool pool, Supplier<Directory> directory) {
        this.pool = pool;
        this.directory = directory;
    }

    /**
     * A ticket with its events, clocks, replies and follow-ups as {@code user} may see it: 404 for a department with no
     * part in it; toward departments the citizen's name and phone are masked, and for 举报 hidden. The view is audited.
     */
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
                                Future<RowSet<Row>> events =
                                        pool.preparedQuery(WorkflowSql.EVENTS).execute(Tuple.of(id));
                                Future<RowSet<Row>> clocks =
                                        pool.preparedQuery(WorkflowSql.CLOCKS).execute(Tuple.of(id));
                                Future<RowSet<Row>> replies =
                                        pool.preparedQuery(WorkflowSql.REPLIES).execute(Tuple.of(id));
                                Future<RowSet<Row>> followUps = pool.preparedQuery(WorkflowSql.FOLLOW_UPS)
                                        .execute(Tuple.of(id));
                                JsonObject citizen = citizen(t, user);
                                Future<JsonArray> calls =
                                        HotlineCalls.ofTicket(pool, id, callerView(citizen.getString("visibility")));
                                return Future.all(events, clocks, replies, followUps, calls)
                                        .compose(all -> AuditLog.record(
                                                        pool,
                                                        user.actor(),
                                                        "VIEW_TICKET",
                                                        "ticket",
                                                        ticketNo,
                                                        new JsonObject()
                                                                .put("citizenData", citizen.getString("visibility")),
                                                        LocalDateTime.now(ZoneOffset.UTC))
                                                .map(done -> toDetail(
                                                                t,
                                                                lead,
                                                                coIds,
                                                                citizen,
                                                                events.result(),
                                                                clocks.result(),
                                                                replies.result(),
                                                                followUps.result())
                                                        .put("calls", calls.result())));
                            });
                });
    }

    private static UnaryOperator<String> callerView(String visibility) {
        return switch (visibility) {
            case "FULL" -> UnaryOperator.identity();
            case "MASKED" -> Masking::phone;
            default -> caller -> null;
        };
    }

    /**
     * The id of the ticket when {@code user} may see it, by the rules of its detail: any centre staff, or a department
     * that leads or co-handles it; 404 otherwise.
     */
    public Future<Long> visibleTicketId(String ticketNo, StaffUser user) {
        return pool.preparedQuery(WorkflowSql.CITIZEN_OF_TICKET)
                .execute(Tuple.of(user.departmentId() == null ? -1L : user.departmentId(), ticketNo))
                .map(rows -> {
                    Row t = rows.size() == 0 ? null : rows.iterator().next();
                    boolean visible = t != null
                            && (!user.role().inDepartment()
                                    || user.departmentId().equals(t.getLong("lead_department_id"))
                                    || t.getBoolean("co"));
                    if (!visible) {
                        throw ApiException.notFound("工单 " + ticketNo + " 不存在");
                    }
                    return t.getLong("id");
                });
    }

    /**
     * The citizen's unmasked name and phone for a department user allowed to unmask (or centre staff), with the
     * reason written to the audit log; never for a 举报 toward a department.
     */
    public Future<JsonObject> unmask(String ticketNo, StaffUser user, String reason) {
        return pool.preparedQuery(WorkflowSql.CITIZEN_OF_TICKET)
                .execute(Tuple.of(user.departmentId() == null ? -1L : user.departmentId(), ticketNo))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        throw ApiException.notFound("工单 " + ticketNo + " 不存在");
                    }
                    Row t = rows.iterator().next();
                    if (user.role().inDepartment()) {
                        boolean involved =
                                user.departmentId().equals(t.getLong("lead_department_id")) || t.getBoolean("co");
                        if (!involved) {
                            throw ApiException.notFound("工单 " + ticketNo + " 不存在");
                        }
                        if (REPORT.equals(t.getString("request_type"))) {
                            throw new ApiException(403, "forbidden", "举报类诉求不向承办单位提供举报人身份信息", List.of());
                        }
                        if (!user.canUnmask()) {
                            throw new ApiException(403, "forbidden", "当前账号没有查看完整诉求人信息的权限，请联系系统管理员授权", List.of());
                        }
                    }
                    return AuditLog.record(
                                    pool,
                                    user.actor(),
                                    "UNMASK",
                                    "ticket",
                                    ticketNo,
                                    new JsonObject().put("reason", reason),
                                    LocalDateTime.now(ZoneOffset.UTC))
                            .map(done -> new JsonObject()
                                    .put("ticketNo", ticketNo)
                                    .put("name", t.getString("citizen_name"))
                                    .put("phone", t.getString("citizen_phone")));
                });
    }

    /**
     * The ticket list, newest first, with keyset pagination ({@code before}: the last id seen, 0 for the first page).
     * Department users see only tickets their department leads or co-handles.
     */
    public Future<JsonObject> search(TicketFilter filter, StaffUser user) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        params.add(filter.before() > 0 ? filter.before() : Long.MAX_VALUE);
        Long department = user.role().inDepartment() ? user.departmentId() : filter.department();
        if (department != null) {
            conditions.add("(t.lead_department_id = ? OR EXISTS (SELECT 1 FROM ticket_co_department c"
                    + " WHERE c.ticket_id = t.id AND c.department_id = ?))");
            params.add(department);
            params.add(department);
        }
        if (!filter.statuses().isEmpty()) {
            conditions.add("t.status IN ("
                    + String.join(", ", Collections.nCopies(filter.statuses().size(), "?")) + ")");
            filter.statuses().forEach(status -> params.add(status.name()));
        }
        add(conditions, params, "t.category = ?", filter.category());
        add(conditions, params, "t.request_type = ?", filter.type());
        add(conditions, params, "t.channel = ?", filter.channel());
        add(conditions, params, "t.overdue = ?", filter.overdue());
        add(conditions, params, "t.reply_due_at < ?", filter.dueBefore());
        add(conditions, params, "t.created_at >= ?", filter.createdFrom());
        add(conditions, params, "t.created_at < ?", filter.createdTo());
        if (filter.text() != null) {
            conditions.add("(t.ticket_no = ? OR t.title LIKE ? OR t.content LIKE ?)");
            String escaped =
                    filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            params.add(filter.text());
            params.add("%" + escaped + "%");
            params.add("%" + escaped + "%");
        }
        params.add(filter.limit());
        return pool.preparedQuery(WorkflowSql.search(conditions))
                .execute(Tuple.from(params))
                .map(rows -> {
                    JsonArray items = new JsonArray();
                    long last = 0;
                    for (Row row : rows) {
                        last = row.getLong("id");
                        TicketStatus status = TicketStatus.valueOf(row.getString("status"));
                        items.add(new JsonObject()
                                .put("id", last)
                                .put("ticketNo", row.getString("ticket_no"))
                                .put("channel", row.getString("channel"))
                                .put("title", row.getString("title"))
                                .put("status", status.name())
                                .put("statusName", status.displayName())
                                .put("type", row.getString("request_type"))
                                .put("category", row.getString("category"))
                                .put("subcategory", row.getString("subcategory"))
                                .put("urgency", row.getString("urgency"))
                                .put("lead", department(row.getLong("lead_department_id")))
                                .put("areaCode", row.getString("area_code"))
                                .put("acceptDueAt", Times.iso(row.getLocalDateTime("accept_due_at")))
                                .put("replyDueAt", Times.iso(row.getLocalDateTime("reply_due_at")))
                                .put("overdue", row.getBoolean("overdue"))
                                .put("createdAt", Times.iso(row.getLocalDateTime("created_at")))
                                .put("updatedAt", Times.iso(row.getLocalDateTime("updated_at"))));
                    }
                    return new JsonObject()
                            .put("items", items)
                            .put("next", items.size() < filter.limit() ? null : last);
                });
    }

    private static void add(List<String> conditions, List<Object> params, String clause, Object value) {
        if (value != null) {
            conditions.add(clause);
            params.add(value);
        }
    }

    private static JsonObject citizen(Row t, StaffUser user) {
        String name = t.getString("citizen_name");
        String phone = t.getString("citizen_phone");
        if (!user.role().inDepartment()) {
            return new JsonObject().put("name", name).put("phone", phone).put("visibility", "FULL");
        }
        if (REPORT.equals(t.getString("request_type"))) {
            return new JsonObject().putNull("name").putNull("phone").put("visibility", "HIDDEN");
        }
        return new JsonObject()
                .put("name", Masking.name(name))
                .put("phone", Masking.phone(phone))
                .put("visibility", "MASKED");
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
                .put("createdAt", Times.iso(row.getLocalDateTime("created_at")))
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
                .put("requestedAt", Times.iso(row.getLocalDateTime("requested_at"))));
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
                .put("acceptDueAt", Times.iso(row.getLocalDateTime("accept_due_at")))
                .put("replyDueAt", Times.iso(row.getLocalDateTime("reply_due_at")))
                .put("followUpDueAt", Times.iso(row.getLocalDateTime("follow_up_due_at")))
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

    private JsonObject toDetail(
            Row t,
            Long lead,
            List<Long> coIds,
            JsonObject citizen,
            Iterable<Row> events,
            Iterable<Row> clocks,
            Iterable<Row> replies,
            Iterable<Row> followUps) {
        JsonArray answers = new JsonArray();
        for (Row r : replies) {
            answers.add(new JsonObject()
                    .put("id", r.getLong("id"))
                    .put("kind", r.getString("kind"))
                    .put("department", department(r.getLong("department_id")))
                    .put("content", r.getString("content"))
                    .put("author", r.getString("author"))
                    .put("at", Times.iso(r.getLocalDateTime("created_at")))
                    .put("review", r.getString("review"))
                    .put("reviewedBy", r.getString("reviewed_by"))
                    .put("reviewedAt", Times.iso(r.getLocalDateTime("reviewed_at")))
                    .put("reviewNote", r.getString("review_note")));
        }
        JsonArray visits = new JsonArray();
        for (Row f : followUps) {
            visits.add(new JsonObject()
                    .put("by", f.getString("contacted_by"))
                    .put("method", f.getString("method"))
                    .put("resolved", f.getBoolean("resolved"))
                    .put("satisfaction", f.getString("satisfaction"))
                    .put(
                            "satisfactionName",
                            Satisfaction.valueOf(f.getString("satisfaction")).displayName())
                    .put("comment", f.getString("comment"))
                    .put("at", Times.iso(f.getLocalDateTime("created_at"))));
        }
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
                    .put("at", Times.iso(e.getLocalDateTime("occurred_at")))
                    .put("payload", new JsonObject(e.getString("payload"))));
        }
        JsonArray timers = new JsonArray();
        for (Row c : clocks) {
            timers.add(new JsonObject()
                    .put("kind", c.getString("kind"))
                    .put("stage", c.getString("stage"))
                    .put("fireAt", Times.iso(c.getLocalDateTime("fire_at")))
                    .put("firedAt", Times.iso(c.getLocalDateTime("fired_at")))
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
                .put("dispatchedAt", Times.iso(t.getLocalDateTime("dispatched_at")))
                .put("acceptedAt", Times.iso(t.getLocalDateTime("accepted_at")))
                .put("returnDueAt", Times.iso(t.getLocalDateTime("return_due_at")))
                .put("acceptDueAt", Times.iso(t.getLocalDateTime("accept_due_at")))
                .put("replyDueAt", Times.iso(t.getLocalDateTime("reply_due_at")))
                .put("followUpDueAt", Times.iso(t.getLocalDateTime("follow_up_due_at")))
                .put("pausedAt", Times.iso(t.getLocalDateTime("paused_at")))
                .put("extendedDays", t.getInteger("extended_days"))
                .put("overdue", t.getBoolean("overdue"))
                .put("triage", t.getBoolean("triage"))
                .put("createdAt", Times.iso(t.getLocalDateTime("created_at")))
                .put("updatedAt", Times.iso(t.getLocalDateTime("updated_at")))
                .put("citizen", citizen)
                .put("masterTicketNo", t.getString("master_ticket_no"))
                .put("repliedAt", Times.iso(t.getLocalDateTime("replied_at")))
                .put("approvedAt", Times.iso(t.getLocalDateTime("approved_at")))
                .put("closedAt", Times.iso(t.getLocalDateTime("closed_at")))
                .put("resolved", t.getBoolean("resolved"))
                .put("satisfaction", t.getString("satisfaction"))
                .put("reopenCount", t.getInteger("reopen_count"))
                .put("publicConsent", t.getBoolean("public_consent"))
                .put("replies", answers)
                .put("followUps", visits)
                .put("events", history)
                .put("clocks", timers);
    }

    private JsonObject department(Long id) {
        if (id == null) {
            return null;
        }
        return directory.get().department(id).map(Department::reference).orElse(new JsonObject().put("id", id));
    }
}
