package cn.hotline12345.hub.workflow;

import cn.hotline12345.hub.account.StaffUser;
import cn.hotline12345.hub.directory.Area;
import cn.hotline12345.hub.directory.Department;
import cn.hotline12345.hub.directory.Directory;
import cn.hotline12345.hub.directory.Gazetteer;
import cn.hotline12345.hub.http.ApiException;
import cn.hotline12345.hub.http.JsonInput;
import cn.hotline12345.hub.http.Times;
import cn.hotline12345.hub.routing.DispatchRules;
import cn.hotline12345.hub.routing.ResponsibilityRouter;
import cn.hotline12345.hub.routing.RoutingQuery;
import cn.hotline12345.hub.sla.LimitUnit;
import cn.hotline12345.hub.sla.SlaPolicy;
import cn.hotline12345.hub.sla.WorkingCalendar;
import cn.hotline12345.hub.ticket.TicketAction;
import cn.hotline12345.hub.ticket.TicketStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The ticket state machine: each transition locks the ticket, checks who may do it from where, and writes the new
 * state, its event (actor, time, reason), its clocks and related rows in one transaction. Dispatch routes by the
 * responsibility list and sets the deadlines of the SLA policy on the working-day calendar.
 */
public final class TicketWorkflow {

    /** The actor of automatic dispatches. */
    public static final String ROUTER = "system:router";

    private final Pool pool;
    private final Supplier<DispatchRules> rules;
    private final Supplier<WorkingCalendar> calendar;
    private final Clock clock;

    public TicketWorkflow(Pool pool, Supplier<DispatchRules> rules, Supplier<WorkingCalendar> calendar, Clock clock) {
        this.pool = pool;
        this.rules = rules;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * Performs {@code action} on a ticket as {@code user}, with the action's fields in {@code body}. Fails with a 400
     * for bad fields, 403 for a role that may not act, 404 for an unknown ticket or one the user's department has no
     * part in, and 409 for a transition the ticket's status does not allow. Answers the ticket's new state.
     */
    public Future<JsonObject> perform(String ticketNo, WorkflowAction action, StaffUser user, JsonObject body) {
        if (!action.roles().contains(user.role())) {
            return Future.failedFuture(new ApiException(
                    403,
                    "forbidden",
                    user.role().displayName() + "无权执行“" + action.event().displayName() + "”",
                    List.of()));
        }
        Input input;
        try {
            input = Input.parse(action, body).by(user.actor());
        } catch (ApiException e) {
            return Future.failedFuture(e);
        }
        LocalDateTime now = now();
        DispatchRules snapshot = rules.get();
        return pool.withTransaction(conn -> lock(conn, ticketNo).compose(found -> {
            LockedTicket ticket = found.orElseThrow(() -> ApiException.notFound("工单 " + ticketNo + " 不存在"));
            if (user.role().inDepartment()) {
                if (!ticket.involves(user.departmentId())) {
                    throw ApiException.notFound("工单 " + ticketNo + " 不存在");
                }
                if (!user.departmentId().equals(ticket.leadDepartmentId())) {
                    throw ApiException.conflict("只有主办单位可以" + action.event().displayName());
                }
            }
            if (!action.from().contains(ticket.status())) {
                throw ApiException.conflict("工单当前状态为“" + ticket.status().displayName() + "”，不能"
                        + action.event().displayName());
            }
            return decide(conn, ticket, action, input, snapshot, now)
                    .compose(change -> write(conn, ticket, change, user.actor(), now));
        }));
    }

    /**
     * Dispatches up to {@code limit} received tickets by the responsibility list (or moves them to 待派单), each in
     * its own transaction; tickets another hub is dispatching are skipped. Answers how many were handled.
     */
    public Future<Integer> dispatchReceived(int limit) {
        return pool.withTransaction(conn -> conn.preparedQuery(WorkflowSql.AWAITING_DISPATCH)
                .execute(Tuple.of(limit))
                .compose(rows -> {
                    LocalDateTime now = now();
                    DispatchRules snapshot = rules.get();
                    Future<Integer> chain = Future.succeededFuture(0);
                    for (Row row : rows) {
                        String ticketNo = row.getString("ticket_no");
                        chain = chain.compose(count -> lock(conn, ticketNo)
                                .compose(found -> {
                                    LockedTicket ticket = found.orElseThrow();
                                    return write(
                                            conn,
                                            ticket,
                                            route(ticket, snapshot, now, TicketAction.DISPATCH, null, null),
                                            ROUTER,
                                            now);
                                })
                                .map(done -> count + 1));
                    }
                    return chain;
                }));
    }

    private Future<TicketChange> decide(
            SqlConnection conn,
            LockedTicket ticket,
            WorkflowAction action,
            Input input,
            DispatchRules snapshot,
            LocalDateTime now) {
        return switch (action) {
            case DISPATCH -> Future.succeededFuture(
                    input.lead == null
                            ? route(ticket, snapshot, now, TicketAction.DISPATCH, null, input.reason)
                            : manual(ticket, snapshot, now, TicketAction.DISPATCH, input));
            case REASSIGN -> decideReturn(conn, ticket, "REASSIGN", input, now)
                    .map(done -> manual(ticket, snapshot, now, TicketAction.REASSIGN, input));
            case ACCEPT -> Future.succeededFuture(accept(ticket, now));
            case RETURN -> requestReturn(conn, ticket, input, now);
            case UPHOLD -> decideReturn(conn, ticket, "UPHOLD", input, now).map(done -> new TicketChange(
                            TicketAction.UPHOLD,
                            ticket.acceptedAt() == null ? TicketStatus.DISPATCHED : TicketStatus.IN_PROGRESS)
                    .put("reason", input.reason));
            case PAUSE -> Future.succeededFuture(pause(ticket, input, now));
            case RESUME -> Future.succeededFuture(resume(ticket, input, now));
            case REQUEST_EXTENSION -> requestExtension(conn, ticket, input, snapshot, now);
            case APPROVE_EXTENSION, DENY_EXTENSION -> decideExtension(conn, ticket, action, input, now);
            case URGE, SUPERVISE -> Future.succeededFuture(
                    new TicketChange(action.event(), ticket.status()).put("note", input.reason));
        };
    }

    private TicketChange route(
            LockedTicket ticket,
            DispatchRules snapshot,
            LocalDateTime now,
            TicketAction action,
            JsonObject override,
            String reason) {
        Directory directory = snapshot.directory();
        String areaCode = areaOf(ticket, directory);
        ResponsibilityRouter.Decision decision = ResponsibilityRouter.route(
                snapshot.list(),
                new RoutingQuery(
                        ticket.category(), ticket.subcategory(), ticket.requestType(), areaCode, ticket.text()),
                directory,
                local(now).toLocalDate());
        JsonObject explained = decision.toJson(directory);
        explained.remove("candidates");
        if (decision.chosen().isEmpty()) {
            TicketChange change = new TicketChange(TicketAction.AWAIT_DISPATCH, TicketStatus.PENDING_DISPATCH)
                    .put("routing", explained)
                    .put("reason", reason);
            change.set("area_code", areaCode);
            return change;
        }
        ResponsibilityRouter.Candidate chosen = decision.chosen().get();
        TicketChange change = dispatchTo(
                ticket,
                snapshot,
                now,
                action,
                chosen.row().leadDepartmentId(),
                chosen.row().coDepartmentIds(),
                areaCode);
        change.set("routing_version", snapshot.list().version())
                .set("routing_row_no", chosen.row().rowNo());
        change.put("routing", explained).put("reason", reason);
        return change;
    }

    private TicketChange manual(
            LockedTicket ticket, DispatchRules snapshot, LocalDateTime now, TicketAction action, Input input) {
        Directory directory = snapshot.directory();
        Department lead = directory
                .department(input.lead)
                .filter(Department::active)
                .orElseThrow(() -> ApiException.invalid("leadDepartmentId", "主办单位不存在或已停用"));
        for (Long co : input.coUnits) {
            if (co.equals(lead.id())
                    || directory.department(co).filter(Department::active).isEmpty()) {
                throw ApiException.invalid("coDepartmentIds", "协办单位 " + co + " 不存在、已停用或与主办单位相同");
            }
        }
        if (action == TicketAction.REASSIGN
                && lead.id() == (ticket.leadDepartmentId() == null ? -1 : ticket.leadDepartmentId())
                && ticket.status() != TicketStatus.RETURN_REQUESTED) {
            throw ApiException.invalid("leadDepartmentId", "改派的主办单位与当前主办单位相同");
        }
        TicketChange change =
                dispatchTo(ticket, snapshot, now, action, lead.id(), input.coUnits, areaOf(ticket, directory));
        change.set("routing_version", null).set("routing_row_no", null);
        change.put("reason", input.reason).put("manual", true);
        if (ticket.leadDepartmentId() != null) {
            change.put(
                    "previousLead",
                    directory
                            .department(ticket.leadDepartmentId())
                            .map(Department::reference)
                            .orElse(null));
        }
        return change;
    }

    private TicketChange dispatchTo(
            LockedTicket ticket,
            DispatchRules snapshot,
            LocalDateTime now,
            TicketAction action,
            long lead,
            List<Long> coUnits,
            String areaCode) {
        Directory directory = snapshot.directory();
        SlaPolicy policy = policy(ticket, snapshot, areaCode);
        WorkingCalendar cal = calendar.get();
        OffsetDateTime start = local(now);
        OffsetDateTime acceptDue = policy.accept().after(cal, start);
        OffsetDateTime replyDue = policy.reply().after(cal, start);
        OffsetDateTime returnDue = cal.addWorkingDays(start, policy.returnWindowDays());
        TicketChange change = new TicketChange(action, TicketStatus.DISPATCHED)
                .set("lead_department_id", lead)
                .set("area_code", areaCode)
                .set("dispatched_at", now)
                .set("accepted_at", null)
                .set("accept_due_at", utc(acceptDue))
                .set("reply_due_at", utc(replyDue))
                .set("reply_unit", policy.reply().unit().name())
                .set("return_due_at", utc(returnDue))
                .set("paused_at", null)
                .set("extended_days", 0)
                .set("overdue", false);
        change.coUnits = List.copyOf(coUnits);
        arm(change, ClockKind.ACCEPT, start, acceptDue, policy.accept().unit(), policy.warnShare());
        arm(change, ClockKind.REPLY, start, replyDue, policy.reply().unit(), policy.warnShare());
        JsonArray co = new JsonArray();
        coUnits.forEach(id -> directory.department(id).ifPresent(d -> co.add(d.reference())));
        change.put("lead", directory.department(lead).map(Department::reference).orElse(null))
                .put("coUnits", co)
                .put("area", directory.area(areaCode).map(Area::reference).orElse(null))
                .put(
                        "deadlines",
                        new JsonObject()
                                .put("accept", Times.iso(acceptDue))
                                .put("reply", Times.iso(replyDue))
                                .put("returnWindow", Times.iso(returnDue)))
                .put("slaPolicy", policy.toJson());
        return change;
    }

    private TicketChange accept(LockedTicket ticket, LocalDateTime now) {
        TicketChange change = new TicketChange(TicketAction.ACCEPT, TicketStatus.IN_PROGRESS).set("accepted_at", now);
        change.clearedClocks.add(ClockKind.ACCEPT);
        change.put("acceptedWithinLimit", ticket.acceptDueAt() == null || !now.isAfter(ticket.acceptDueAt()));
        return change;
    }

    private Future<TicketChange> requestReturn(
            SqlConnection conn, LockedTicket ticket, Input input, LocalDateTime now) {
        if (ticket.returnDueAt() != null && now.isAfter(ticket.returnDueAt())) {
            throw ApiException.conflict("已超过退单时限（" + iso(ticket.returnDueAt()) + "），请办理或申请延期");
        }
        return conn.preparedQuery(WorkflowSql.LATEST_RETURN)
                .execute(Tuple.of(ticket.id()))
                .map(rows -> {
                    if (rows.size() > 0) {
                        Row last = rows.iterator().next();
                        boolean sameDispatch = ticket.dispatchedAt() != null
                                && !last.getLocalDateTime("requested_at").isBefore(ticket.dispatchedAt());
                        if (sameDispatch
                                && "UPHOLD".equals(last.getString("decision"))
                                && last.getLong("department_id").equals(ticket.leadDepartmentId())) {
                            throw ApiException.conflict("派单员已维持原派，本单位须办理该工单，不能再次退单");
                        }
                    }
                    return new TicketChange(TicketAction.RETURN, TicketStatus.RETURN_REQUESTED)
                            .put("reasonCode", input.returnReason.name())
                            .put("reasonName", input.returnReason.displayName())
                            .put("reason", input.reason)
                            .also(
                                    WorkflowSql.INSERT_RETURN,
                                    Tuple.of(
                                            ticket.id(),
                                            ticket.leadDepartmentId(),
                                            input.returnReason.name(),
                                            input.reason,
                                            input.actor,
                                            now));
                });
    }

    private Future<Void> decideReturn(
            SqlConnection conn, LockedTicket ticket, String decision, Input input, LocalDateTime now) {
        if (ticket.status() != TicketStatus.RETURN_REQUESTED) {
            return Future.succeededFuture();
        }
        return conn.preparedQuery(WorkflowSql.DECIDE_RETURN)
                .execute(Tuple.of(decision, input.actor, now, input.reason, ticket.id()))
                .mapEmpty();
    }

    private TicketChange pause(LockedTicket ticket, Input input, LocalDateTime now) {
        TicketChange change = new TicketChange(TicketAction.PAUSE, TicketStatus.PAUSED)
                .set("paused_at", now)
                .put("reason", input.reason)
                .put("replyDueBefore", iso(ticket.replyDueAt()));
        change.clearedClocks.add(ClockKind.REPLY);
        return change;
    }

    private TicketChange resume(LockedTicket ticket, Input input, LocalDateTime now) {
        WorkingCalendar cal = calendar.get();
        LimitUnit unit = ticket.replyUnit() == null ? LimitUnit.WORKING_DAYS : LimitUnit.valueOf(ticket.replyUnit());
        OffsetDateTime pausedAt = local(ticket.pausedAt());
        OffsetDateTime resumed = local(now);
        OffsetDateTime oldDue = local(ticket.replyDueAt());
        Duration paused = unit.between(cal, pausedAt, resumed);
        OffsetDateTime newDue = unit.shift(cal, oldDue, paused);
        TicketChange change = new TicketChange(TicketAction.RESUME, TicketStatus.IN_PROGRESS)
                .set("paused_at", null)
                .set("reply_due_at", utc(newDue))
                .put("note", input.reason)
                .put("pausedMinutes", paused.toMinutes())
                .put("replyDueBefore", Times.iso(oldDue))
                .put("replyDue", Times.iso(newDue));
        armRemaining(change, ClockKind.REPLY, resumed, newDue, unit, ticket);
        return change;
    }

    private Future<TicketChange> requestExtension(
            SqlConnection conn, LockedTicket ticket, Input input, DispatchRules snapshot, LocalDateTime now) {
        if (ticket.replyDueAt() != null && now.isAfter(ticket.replyDueAt())) {
            throw ApiException.conflict("工单已超过答复时限，不能再申请延期");
        }
        SlaPolicy policy = policy(ticket, snapshot, ticket.areaCode());
        int left = policy.maxExtensionDays() - ticket.extendedDays();
        if (input.days > left) {
            throw ApiException.invalid(
                    "days",
                    "延期天数超过上限：本工单最多还可延期 " + Math.max(left, 0) + " 个工作日（累计不超过 " + policy.maxExtensionDays() + " 个）");
        }
        return conn.preparedQuery(WorkflowSql.PENDING_EXTENSION)
                .execute(Tuple.of(ticket.id()))
                .map(rows -> {
                    if (rows.size() > 0) {
                        throw ApiException.conflict("已有待审批的延期申请");
                    }
                    return new TicketChange(TicketAction.REQUEST_EXTENSION, ticket.status())
                            .put("days", input.days)
                            .put("reason", input.reason)
                            .also(
                                    WorkflowSql.INSERT_EXTENSION,
                                    Tuple.of(
                                            ticket.id(),
                                            ticket.leadDepartmentId(),
                                            input.days,
                                            input.reason,
                                            input.actor,
                                            now));
                });
    }

    private Future<TicketChange> decideExtension(
            SqlConnection conn, LockedTicket ticket, WorkflowAction action, Input input, LocalDateTime now) {
        return conn.preparedQuery(WorkflowSql.PENDING_EXTENSION)
                .execute(Tuple.of(ticket.id()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ApiException.conflict("该工单没有待审批的延期申请");
                    }
                    Row request = rows.iterator().next();
                    boolean approve = action == WorkflowAction.APPROVE_EXTENSION;
                    int days = request.getInteger("days");
                    TicketChange change = new TicketChange(action.event(), ticket.status())
                            .put("days", days)
                            .put("note", input.reason)
                            .also(
                                    WorkflowSql.DECIDE_EXTENSION,
                                    Tuple.of(approve ? "APPROVED" : "DENIED", input.actor, now, request.getLong("id")));
                    if (approve) {
                        WorkingCalendar cal = calendar.get();
                        OffsetDateTime oldDue = local(ticket.replyDueAt());
                        OffsetDateTime newDue = cal.addWorkingDays(oldDue, days);
                        change.set("reply_due_at", utc(newDue))
                                .set("extended_days", ticket.extendedDays() + days)
                                .set("overdue", ticket.overdue() && !newDue.isAfter(local(now)))
                                .put("replyDueBefore", Times.iso(oldDue))
                                .put("replyDue", Times.iso(newDue));
                        if (ticket.status() != TicketStatus.PAUSED) {
                            LimitUnit unit = ticket.replyUnit() == null
                                    ? LimitUnit.WORKING_DAYS
                                    : LimitUnit.valueOf(ticket.replyUnit());
                            armRemaining(change, ClockKind.REPLY, local(now), newDue, unit, ticket);
                        }
                    }
                    return change;
                });
    }

    private SlaPolicy policy(LockedTicket ticket, DispatchRules snapshot, String areaCode) {
        List<String> chain =
                snapshot.directory().chain(areaCode).stream().map(Area::code).toList();
        return snapshot.policies()
                .forRequest(ticket.requestType(), ticket.urgency(), ticket.category(), chain)
                .orElse(DEFAULT_POLICY);
    }

    private static final SlaPolicy DEFAULT_POLICY = new SlaPolicy(
            0,
            null,
            null,
            null,
            null,
            new SlaPolicy.TimeLimit(2, LimitUnit.WORKING_HOURS),
            new SlaPolicy.TimeLimit(5, LimitUnit.WORKING_DAYS),
            new SlaPolicy.TimeLimit(2, LimitUnit.WORKING_DAYS),
            2,
            10,
            new BigDecimal("0.8"));

    private static String areaOf(LockedTicket ticket, Directory directory) {
        if (ticket.areaCode() != null && directory.area(ticket.areaCode()).isPresent()) {
            return ticket.areaCode();
        }
        for (String text : new String[] {ticket.area(), ticket.address(), ticket.text()}) {
            Optional<Gazetteer.Match> match = directory
                    .areaNamed(text)
                    .map(a -> new Gazetteer.Match(a, text))
                    .or(() -> directory.resolveAddress(text));
            if (match.isPresent()) {
                return match.get().area().code();
            }
        }
        return null;
    }

    private void arm(
            TicketChange change,
            ClockKind kind,
            OffsetDateTime start,
            OffsetDateTime due,
            LimitUnit unit,
            BigDecimal warnShare) {
        change.clearedClocks.add(kind);
        WorkingCalendar cal = calendar.get();
        Duration total = unit.between(cal, start, due);
        long warnSeconds =
                BigDecimal.valueOf(total.toSeconds()).multiply(warnShare).longValue();
        if (warnSeconds > 0 && warnShare.compareTo(BigDecimal.ONE) < 0) {
            OffsetDateTime warnAt = unit.shift(cal, start, Duration.ofSeconds(warnSeconds));
            if (warnAt.isBefore(due)) {
                change.clocks.add(new TicketChange.ClockSpec(kind, "WARN", utc(warnAt)));
            }
        }
        change.clocks.add(new TicketChange.ClockSpec(kind, "DUE", utc(due)));
    }

    private void armRemaining(
            TicketChange change,
            ClockKind kind,
            OffsetDateTime now,
            OffsetDateTime due,
            LimitUnit unit,
            LockedTicket ticket) {
        DispatchRules snapshot = rules.get();
        SlaPolicy policy = policy(ticket, snapshot, ticket.areaCode());
        OffsetDateTime start = ticket.dispatchedAt() == null ? now : local(ticket.dispatchedAt());
        change.clearedClocks.add(kind);
        WorkingCalendar cal = calendar.get();
        Duration total = unit.between(cal, start, due);
        long warnSeconds = BigDecimal.valueOf(total.toSeconds())
                .multiply(policy.warnShare())
                .longValue();
        if (warnSeconds > 0) {
            OffsetDateTime warnAt = unit.shift(cal, start, Duration.ofSeconds(warnSeconds));
            if (warnAt.isAfter(now) && warnAt.isBefore(due)) {
                change.clocks.add(new TicketChange.ClockSpec(kind, "WARN", utc(warnAt)));
            }
        }
        change.clocks.add(new TicketChange.ClockSpec(kind, "DUE", utc(due)));
    }

    private Future<Optional<LockedTicket>> lock(SqlConnection conn, String ticketNo) {
        return conn.preparedQuery(WorkflowSql.LOCK_TICKET)
                .execute(Tuple.of(ticketNo))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.succeededFuture(Optional.empty());
                    }
                    Row row = rows.iterator().next();
                    return conn.preparedQuery(WorkflowSql.CO_DEPARTMENTS)
                            .execute(Tuple.of(row.getLong("id")))
                            .map(co -> {
                                List<Long> ids = new ArrayList<>();
                                co.forEach(r -> ids.add(r.getLong(0)));
                                return Optional.of(LockedTicket.of(row, List.copyOf(ids)));
                            });
                });
    }

    private Future<JsonObject> write(
            SqlConnection conn, LockedTicket ticket, TicketChange change, String actor, LocalDateTime now) {
        int seq = ticket.eventSeq() + 1;
        List<Object> params = new ArrayList<>();
        params.add(change.to.name());
        params.add(seq);
        params.add(now);
        params.addAll(change.columns.values());
        params.add(ticket.id());
        Future<?> chain = conn.preparedQuery(WorkflowSql.updateTicket(change.columns.keySet()))
                .execute(Tuple.from(params));
        if (change.coUnits != null) {
            chain = chain.compose(done ->
                    conn.preparedQuery(WorkflowSql.DELETE_CO_DEPARTMENTS).execute(Tuple.of(ticket.id())));
            if (!change.coUnits.isEmpty()) {
                List<Tuple> batch = change.coUnits.stream()
                        .map(id -> Tuple.of(ticket.id(), id))
                        .toList();
                chain = chain.compose(done ->
                        conn.preparedQuery(WorkflowSql.INSERT_CO_DEPARTMENT).executeBatch(batch));
            }
        }
        for (ClockKind kind : change.clearedClocks) {
            chain = chain.compose(done ->
                    conn.preparedQuery(WorkflowSql.DELETE_PENDING_CLOCKS).execute(Tuple.of(ticket.id(), kind.name())));
        }
        if (!change.clocks.isEmpty()) {
            List<Tuple> batch = change.clocks.stream()
                    .map(c -> Tuple.of(ticket.id(), c.kind().name(), c.stage(), c.fireAt()))
                    .toList();
            chain = chain.compose(
                    done -> conn.preparedQuery(WorkflowSql.INSERT_CLOCK).executeBatch(batch));
        }
        for (TicketChange.Statement statement : change.statements) {
            chain = chain.compose(done -> conn.preparedQuery(statement.sql()).execute(statement.params()));
        }
        return chain.compose(done -> conn.preparedQuery(WorkflowSql.INSERT_EVENT)
                        .execute(Tuple.of(
                                ticket.id(),
                                seq,
                                actor,
                                change.action.name(),
                                ticket.status().name(),
                                change.to.name(),
                                now,
                                change.payload.encode())))
                .map(done -> new JsonObject()
                        .put("ticketNo", ticket.ticketNo())
                        .put("action", change.action.name())
                        .put("actionName", change.action.displayName())
                        .put("status", change.to.name())
                        .put("statusName", change.to.displayName())
                        .put("seq", seq)
                        .put("event", change.payload));
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    private static OffsetDateTime local(LocalDateTime utc) {
        return utc.atOffset(ZoneOffset.UTC)
                .atZoneSameInstant(WorkingCalendar.ZONE)
                .toOffsetDateTime();
    }

    private static LocalDateTime utc(OffsetDateTime time) {
        return LocalDateTime.ofInstant(time.toInstant(), ZoneOffset.UTC);
    }

    private static String iso(LocalDateTime utc) {
        return utc == null ? null : Times.iso(local(utc));
    }

    /** An action's fields, validated before the transaction starts. */
    private record Input(
            String actor, Long lead, List<Long> coUnits, String reason, ReturnReason returnReason, int days) {

        Input by(String who) {
            return new Input(who, lead, coUnits, reason, returnReason, days);
        }

        static Input parse(WorkflowAction action, JsonObject body) {
            JsonInput in = JsonInput.of(body == null ? new JsonObject() : body);
            Long lead = null;
            List<Long> co = List.of();
            String reason;
            ReturnReason returnReason = null;
            int days = 0;
            switch (action) {
                case DISPATCH -> {
                    lead = in.positiveId("leadDepartmentId", "主办单位");
                    co = in.idList("coDepartmentIds", "协办单位", 20);
                    reason = in.text("reason", "派单说明", 500);
                    if (lead == null && !co.isEmpty()) {
                        in.reject("leadDepartmentId", "指定协办单位时必须同时指定主办单位");
                    }
                }
                case REASSIGN -> {
                    lead = in.positiveId("leadDepartmentId", "主办单位");
                    if (lead == null && !in.has("leadDepartmentId")) {
                        in.reject("leadDepartmentId", "缺少必填字段：主办单位（leadDepartmentId）");
                    }
                    co = in.idList("coDepartmentIds", "协办单位", 20);
                    reason = in.requiredText("reason", "改派原因", 500);
                }
                case RETURN -> {
                    String code = in.requiredText("reasonCode", "退单原因类别", 24);
                    if (code != null) {
                        returnReason = ReturnReason.of(code).orElse(null);
                        if (returnReason == null) {
                            in.reject(
                                    "reasonCode",
                                    "退单原因类别应为 NOT_OUR_DUTY（非本单位职责）、WRONG_AREA（属地不符）、INCOMPLETE（信息不全）或 OTHER（其他）");
                        }
                    }
                    reason = in.requiredText("reason", "退单理由", 1000);
                }
                case UPHOLD, PAUSE, DENY_EXTENSION -> reason = in.requiredText("reason", "理由", 1000);
                case REQUEST_EXTENSION -> {
                    Integer requested = in.intRange("days", "延期工作日数", 1, 30);
                    if (requested == null && !in.has("days")) {
                        in.reject("days", "缺少必填字段：延期工作日数（days）");
                    }
                    days = requested == null ? 0 : requested;
                    reason = in.requiredText("reason", "延期理由", 1000);
                }
                default -> reason = in.text("note", "说明", 1000);
            }
            in.throwIfInvalid();
            return new Input(null, lead, co, reason, returnReason, days);
        }
    }
}
