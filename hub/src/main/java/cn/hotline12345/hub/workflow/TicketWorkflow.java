package cn.hotline12345.hub.workflow;

import cn.hotline12345.hub.account.StaffUser;
import cn.hotline12345.hub.directory.Area;
import cn.hotline12345.hub.directory.Department;
import cn.hotline12345.hub.directory.Directory;
import cn.hotline12345.hub.directory.Gazetteer;
import cn.hotline12345.hub.http.ApiException;
import cn.hotline12345.hub.http.JsonInput;
import cn.hotline12345.hub.http.Times;
import cn.hotline12345.hub.live.LiveEvents;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The ticket state machine: each transition locks the ticket, checks who may do it from where, and writes the new
 * state, its event (actor, time, reason), its clocks and related rows in one transaction. Dispatch routes by the
 * responsibility list and sets the deadlines of the SLA policy on the working-day calendar.
 */
public final class TicketWorkflow {

    /** The actor of automatic dispatches. */
    public static final String ROUTER = "system:router";

    /** How many times a ticket may be reopened (重办) after unsatisfied follow-ups. */
    public static final int MAX_REOPENS = 2;

    private final Pool pool;
    private final Supplier<DispatchRules> rules;
    private final Supplier<WorkingCalendar> calendar;
    private final Clock clock;
    private LiveEvents live;

    public TicketWorkflow(Pool pool, Supplier<DispatchRules> rules, Supplier<WorkingCalendar> calendar, Clock clock) {
        this.pool = pool;
        this.rules = rules;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * Announces every committed change on the consoles' live sockets (a {@code ticket-queues} event to the centre's
     * and the departments' staff), so queues and inboxes refresh without reloading. Answers this workflow.
     */
    public TicketWorkflow announcing(LiveEvents events) {
        this.live = events;
        return this;
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
            input = Input.parse(action, body).by(user);
        } catch (ApiException e) {
            return Future.failedFuture(e);
        }
        return announced(ticketNo, Transactions.retryOnDeadlock(() -> {
            LocalDateTime now = now();
            DispatchRules snapshot = rules.get();
            return pool.withTransaction(conn -> preLock(conn, action, ticketNo, input)
                    .compose(locked -> lock(conn, ticketNo))
                    .compose(found -> {
                        LockedTicket ticket = found.orElseThrow(() -> ApiException.notFound("工单 " + ticketNo + " 不存在"));
                        checkUnit(ticket, action, user);
                        if (!action.from().contains(ticket.status())) {
                            throw ApiException.conflict(
                                    "工单当前状态为“" + ticket.status().displayName() + "”，不能"
                                            + action.event().displayName());
                        }
                        return decide(conn, ticket, action, input, snapshot, now)
                                .compose(change -> write(conn, ticket, change, user.actor(), now));
                    }));
        }));
    }

    private static void checkUnit(LockedTicket ticket, WorkflowAction action, StaffUser user) {
        if (!user.role().inDepartment()) {
            return;
        }
        Long department = user.departmentId();
        if (!ticket.involves(department)) {
            throw ApiException.notFound("工单 " + ticket.ticketNo() + " 不存在");
        }
        switch (action.unit()) {
            case LEAD -> {
                if (!department.equals(ticket.leadDepartmentId())) {
                    throw ApiException.conflict("只有主办单位可以" + action.event().displayName());
                }
            }
            case CO -> {
                if (!ticket.coUnit(department)) {
                    throw ApiException.conflict("只有协办单位可以" + action.event().displayName());
                }
            }
            case INVOLVED -> {}
        }
    }

    private static Future<Void> preLock(SqlConnection conn, WorkflowAction action, String ticketNo, Input input) {
        if (action != WorkflowAction.MERGE) {
            return Future.succeededFuture();
        }
        return conn.preparedQuery(WorkflowSql.LOCK_TICKETS_IN_ORDER)
                .execute(Tuple.of(ticketNo, input.masterTicketNo))
                .mapEmpty();
    }

    /**
     * The citizen's own rating (满意度评价) of a ticket waiting for follow-up, checked against the phone they gave: it
     * counts as the follow-up and closes the ticket. 404 when the number and phone do not match, 409 when the ticket
     * is not waiting for follow-up.
     */
    public Future<JsonObject> rateAsCitizen(String ticketNo, String phone, JsonObject body) {
        return rate(ticketNo, t -> phone != null && phone.equals(t.citizenPhone()), body);
    }

    /** The citizen's own rating, for a citizen known by a verified identity (the mini-program's openid). */
    public Future<JsonObject> rateAsCitizenOf(String ticketNo, long citizenId, JsonObject body) {
        return rate(ticketNo, t -> Long.valueOf(citizenId).equals(t.citizenId()), body);
    }

    private Future<JsonObject> rate(String ticketNo, Predicate<LockedTicket> entitled, JsonObject body) {
        Input input;
        try {
            input = Input.parse(WorkflowAction.FOLLOW_UP, body);
        } catch (ApiException e) {
            return Future.failedFuture(e);
        }
        input.actor = "citizen";
        input.method = "CITIZEN";
        return Transactions.retryOnDeadlock(() -> {
            LocalDateTime now = now();
            return pool.withTransaction(conn -> lock(conn, ticketNo).compose(found -> {
                LockedTicket ticket =
                        found.filter(entitled).orElseThrow(() -> ApiException.notFound("未找到该工单，请核对工单号和联系电话"));
                if (ticket.status() != TicketStatus.FOLLOW_UP) {
                    throw ApiException.conflict("工单当前状态为“" + ticket.status().displayName() + "”，暂不能评价");
                }
                return write(conn, ticket, followUp(ticket, input, now), "citizen", now);
            }));
        });
    }

    /**
     * Dispatches up to {@code limit} received tickets by the responsibility list (or moves them to 待派单) in one
     * transaction, one batch per kind of statement; tickets another hub is dispatching are skipped (their rows are
     * locked). Answers how many were handled. Received tickets have no co-units, clocks or earlier dispatches yet.
     */
    public Future<Integer> dispatchReceived(int limit) {
        return announced(null, pool.withTransaction(conn -> conn.preparedQuery(WorkflowSql.AWAITING_DISPATCH)
                .execute(Tuple.of(limit))
                .compose(rows -> {
                    LocalDateTime now = now();
                    DispatchRules snapshot = rules.get();
                    List<List<TicketChange.Statement>> changes = new ArrayList<>();
                    for (Row row : rows) {
                        LockedTicket ticket = LockedTicket.of(row, List.of());
                        changes.add(statements(
                                ticket, route(ticket, snapshot, now, TicketAction.DISPATCH, null, null), ROUTER, now));
                    }
                    return writeAll(conn, changes);
                })));
    }

    private <T> Future<T> announced(String ticketNo, Future<T> change) {
        return change.onSuccess(done -> {
            if (live != null && !(done instanceof Integer count && count == 0)) {
                JsonObject event = new JsonObject().put("type", "ticket-queues").put("ticketNo", ticketNo);
                live.publish("staff", event);
            }
        });
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
            case NOTE -> Future.succeededFuture(new TicketChange(TicketAction.NOTE, ticket.status())
                    .put("note", input.content)
                    .put("contactMethod", input.method));
            case SUB_REPLY -> Future.succeededFuture(subReply(ticket, input, now));
            case REPLY -> reply(conn, ticket, input, now);
            case APPROVE -> approve(conn, ticket, input, snapshot, now);
            case REJECT_REPLY -> Future.succeededFuture(rejectReply(ticket, input, now));
            case FOLLOW_UP -> Future.succeededFuture(followUp(ticket, input, now));
            case REOPEN -> Future.succeededFuture(reopen(ticket, input, snapshot, now));
            case ANSWER -> Future.succeededFuture(answer(ticket, input, now));
            case REJECT -> Future.succeededFuture(reject(ticket, input, now));
            case MERGE -> merge(conn, ticket, input, now);
            case PUBLISH -> {
                if (!ticket.publicConsent()) {
                    throw ApiException.conflict("诉求人未同意公开，不能公开该工单");
                }
                yield Future.succeededFuture(new TicketChange(TicketAction.PUBLISH, ticket.status())
                        .set("publication", "APPROVED")
                        .set("published_at", now)
                        .put("note", input.reason));
            }
            case UNPUBLISH -> Future.succeededFuture(new TicketChange(TicketAction.UNPUBLISH, ticket.status())
                    .set("publication", "WITHDRAWN")
                    .put("note", input.reason));
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
        if (ticket.mailboxDepartmentId() != null
                && directory.department(ticket.mailboxDepartmentId()).isPresent()) {
            Department office =
                    directory.department(ticket.mailboxDepartmentId()).get();
            return dispatchTo(ticket, snapshot, now, action, office.id(), List.of(), areaCode)
                    .put(
                            "routing",
                            new JsonObject()
                                    .put("routed", true)
                                    .put("mailbox", true)
                                    .put("explanation", "领导信箱来信，先由" + office.name() + "办理"))
                    .put("reason", reason);
        }
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
        boolean sameUnits = ticket.leadDepartmentId() != null
                && lead.id() == ticket.leadDepartmentId()
                && new java.util.HashSet<>(input.coUnits).equals(new java.util.HashSet<>(ticket.coDepartmentIds()));
        if (action == TicketAction.REASSIGN && sameUnits && ticket.status() != TicketStatus.RETURN_REQUESTED) {
            throw ApiException.invalid("leadDepartmentId", "改派的主办单位和协办单位与当前相同");
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
        change.also(WorkflowSql.END_DISPATCH, Tuple.of(now, action.name(), ticket.id()))
                .also(WorkflowSql.INSERT_DISPATCH, Tuple.of(ticket.id(), lead, now, utc(acceptDue)));
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
        TicketChange change = new TicketChange(TicketAction.ACCEPT, TicketStatus.IN_PROGRESS)
                .set("accepted_at", now)
                .also(WorkflowSql.ACCEPT_DISPATCH, Tuple.of(now, ticket.id()));
        change.clearedClocks.add(ClockKind.ACCEPT);
        change.put("acceptedWithinLimit", ticket.acceptDueAt() == null || !now.isAfter(ticket.acceptDueAt()));
        return change;
    }

    private Future<TicketChange> requestReturn(
            SqlConnection conn, LockedTicket ticket, Input input, LocalDateTime now) {
        if (ticket.returnDueAt() != null && now.isAfter(ticket.returnDueAt())) {
            throw ApiException.conflict("已超过退单时限（" + Times.iso(ticket.returnDueAt()) + "），请办理或申请延期");
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

    private TicketChange subReply(LockedTicket ticket, Input input, LocalDateTime now) {
        return new TicketChange(TicketAction.SUB_REPLY, ticket.status())
                .put("content", input.content)
                .also(
                        WorkflowSql.INSERT_REPLY,
                        Tuple.of(ticket.id(), input.departmentId, "SUB", input.content, input.actor, now, null));
    }

    private Future<TicketChange> reply(SqlConnection conn, LockedTicket ticket, Input input, LocalDateTime now) {
        return conn.preparedQuery(WorkflowSql.SUB_REPLIES)
                .execute(Tuple.of(ticket.id()))
                .map(subs -> {
                    JsonArray merged = new JsonArray();
                    for (Row sub : subs) {
                        merged.add(new JsonObject()
                                .put("id", sub.getLong("id"))
                                .put("departmentId", sub.getLong("department_id"))
                                .put("author", sub.getString("author")));
                    }
                    boolean onTime = ticket.replyDueAt() == null || !now.isAfter(ticket.replyDueAt());
                    TicketChange change = new TicketChange(TicketAction.REPLY, TicketStatus.REPLIED)
                            .set("replied_at", now)
                            .put("content", input.content)
                            .put("resolved", input.resolved)
                            .put("subReplies", merged)
                            .put("onTime", onTime)
                            .also(
                                    WorkflowSql.INSERT_REPLY,
                                    Tuple.of(
                                            ticket.id(),
                                            ticket.leadDepartmentId(),
                                            "FINAL",
                                            input.content,
                                            input.actor,
                                            now,
                                            "PENDING"));
                    change.clearedClocks.add(ClockKind.REPLY);
                    return change;
                });
    }

    private Future<TicketChange> approve(
            SqlConnection conn, LockedTicket ticket, Input input, DispatchRules snapshot, LocalDateTime now) {
        return conn.preparedQuery(WorkflowSql.PENDING_REPLY)
                .execute(Tuple.of(ticket.id()))
                .compose(replies -> {
                    if (replies.size() == 0) {
                        throw ApiException.conflict("该工单没有待审核的答复");
                    }
                    String reply = replies.iterator().next().getString("content");
                    SlaPolicy policy = policy(ticket, snapshot, ticket.areaCode());
                    OffsetDateTime start = local(now);
                    OffsetDateTime followUpDue = policy.followUp().after(calendar.get(), start);
                    TicketChange change = new TicketChange(TicketAction.APPROVE, TicketStatus.FOLLOW_UP)
                            .set("approved_at", now)
                            .set("follow_up_due_at", utc(followUpDue))
                            .put("note", input.reason)
                            .put("followUpDue", Times.iso(followUpDue))
                            .also(
                                    WorkflowSql.REVIEW_REPLY,
                                    Tuple.of("APPROVED", input.actor, now, input.reason, ticket.id()))
                            .also(WorkflowSql.END_DISPATCH, Tuple.of(now, "REPLIED", ticket.id()));
                    notifyCitizen(
                            change,
                            ticket.id(),
                            ticket.channel(),
                            ticket.notifyTo(),
                            "REPLY",
                            replyText(ticket.ticketNo(), reply),
                            now);
                    arm(
                            change,
                            ClockKind.FOLLOW_UP,
                            start,
                            followUpDue,
                            policy.followUp().unit(),
                            policy.warnShare());
                    return conn.preparedQuery(WorkflowSql.MERGED_CHILDREN)
                            .execute(Tuple.of(ticket.id()))
                            .map(children -> {
                                JsonArray shared = new JsonArray();
                                for (Row child : children) {
                                    shareReply(change, ticket, child, reply, followUpDue, policy, now);
                                    shared.add(child.getString("ticket_no"));
                                }
                                return change.put("sharedWith", shared);
                            });
                });
    }

    private void shareReply(
            TicketChange change,
            LockedTicket master,
            Row child,
            String reply,
            OffsetDateTime followUpDue,
            SlaPolicy policy,
            LocalDateTime now) {
        long id = child.getLong("id");
        int seq = child.getInteger("event_seq") + 1;
        change.also(WorkflowSql.SHARE_REPLY_WITH_CHILD, Tuple.of(seq, now, now, utc(followUpDue), now, id))
                .also(
                        WorkflowSql.INSERT_REPLY,
                        Tuple.of(id, master.leadDepartmentId(), "FINAL", reply, "system:merge", now, "APPROVED"))
                .also(
                        WorkflowSql.INSERT_EVENT,
                        Tuple.of(
                                id,
                                seq,
                                "system:merge",
                                TicketAction.SHARE_REPLY.name(),
                                TicketStatus.MERGED.name(),
                                TicketStatus.FOLLOW_UP.name(),
                                now,
                                new JsonObject()
                                        .put("masterTicketNo", master.ticketNo())
                                        .put("content", reply)
                                        .encode()));
        notifyCitizen(
                change,
                id,
                child.getString("channel"),
                child.getString("notify_to"),
                "REPLY",
                replyText(child.getString("ticket_no"), reply),
                now);
        WorkingCalendar cal = calendar.get();
        OffsetDateTime start = local(now);
        Duration total = policy.followUp().unit().between(cal, start, followUpDue);
        long warnSeconds = BigDecimal.valueOf(total.toSeconds())
                .multiply(policy.warnShare())
                .longValue();
        if (warnSeconds > 0) {
            OffsetDateTime warnAt = policy.followUp().unit().shift(cal, start, Duration.ofSeconds(warnSeconds));
            change.also(WorkflowSql.INSERT_CLOCK, Tuple.of(id, ClockKind.FOLLOW_UP.name(), "WARN", utc(warnAt)));
        }
        change.also(WorkflowSql.INSERT_CLOCK, Tuple.of(id, ClockKind.FOLLOW_UP.name(), "DUE", utc(followUpDue)));
    }

    private TicketChange rejectReply(LockedTicket ticket, Input input, LocalDateTime now) {
        TicketChange change = new TicketChange(TicketAction.REJECT_REPLY, TicketStatus.IN_PROGRESS)
                .set("replied_at", null)
                .put("reason", input.reason)
                .also(WorkflowSql.REVIEW_REPLY, Tuple.of("REJECTED", input.actor, now, input.reason, ticket.id()));
        if (ticket.replyDueAt() != null) {
            LimitUnit unit =
                    ticket.replyUnit() == null ? LimitUnit.WORKING_DAYS : LimitUnit.valueOf(ticket.replyUnit());
            OffsetDateTime due = local(ticket.replyDueAt());
            OffsetDateTime at = local(now);
            armRemaining(change, ClockKind.REPLY, at, due.isAfter(at) ? due : at, unit, ticket);
        }
        return change;
    }

    private TicketChange followUp(LockedTicket ticket, Input input, LocalDateTime now) {
        Satisfaction satisfaction = input.satisfaction;
        TicketChange change = new TicketChange(TicketAction.FOLLOW_UP, TicketStatus.CLOSED)
                .set("closed_at", now)
                .set("resolved", input.resolved)
                .set("satisfaction", satisfaction.name())
                .put("resolved", input.resolved)
                .put("satisfaction", satisfaction.name())
                .put("satisfactionName", satisfaction.displayName())
                .put("method", input.method)
                .put("comment", input.content)
                .put("reopenAllowed", satisfaction == Satisfaction.UNSATISFIED && ticket.reopenCount() < MAX_REOPENS)
                .also(
                        WorkflowSql.INSERT_FOLLOW_UP,
                        Tuple.of(
                                ticket.id(),
                                input.actor,
                                input.method,
                                input.resolved,
                                satisfaction.name(),
                                input.content,
                                now));
        change.clearedClocks.add(ClockKind.FOLLOW_UP);
        return change;
    }

    private TicketChange reopen(LockedTicket ticket, Input input, DispatchRules snapshot, LocalDateTime now) {
        if (!Satisfaction.UNSATISFIED.name().equals(ticket.satisfaction())) {
            throw ApiException.conflict("只有回访不满意的工单可以重办");
        }
        if (ticket.reopenCount() >= MAX_REOPENS) {
            throw ApiException.conflict("该工单已重办 " + ticket.reopenCount() + " 次，达到上限");
        }
        if (ticket.leadDepartmentId() == null) {
            throw ApiException.conflict("该工单没有承办单位，请派单");
        }
        TicketChange change = dispatchTo(
                ticket,
                snapshot,
                now,
                TicketAction.REOPEN,
                ticket.leadDepartmentId(),
                ticket.coDepartmentIds(),
                ticket.areaCode());
        return change.set("replied_at", null)
                .set("approved_at", null)
                .set("closed_at", null)
                .set("resolved", null)
                .set("satisfaction", null)
                .set("follow_up_due_at", null)
                .set("reopen_count", ticket.reopenCount() + 1)
                .put("reason", input.reason)
                .put("reopenCount", ticket.reopenCount() + 1);
    }

    private TicketChange answer(LockedTicket ticket, Input input, LocalDateTime now) {
        if (!"咨询".equals(ticket.requestType())) {
            throw ApiException.conflict("只有咨询类诉求可以直接答复，请先更正诉求类型或派单办理");
        }
        TicketChange change = new TicketChange(TicketAction.ANSWER, TicketStatus.CLOSED)
                .set("replied_at", now)
                .set("approved_at", now)
                .set("closed_at", now)
                .set("resolved", true)
                .put("content", input.content)
                .put("kbEntryId", input.kbEntryId)
                .also(
                        WorkflowSql.INSERT_REPLY,
                        Tuple.of(ticket.id(), null, "FINAL", input.content, input.actor, now, "APPROVED"));
        if (!"hotline".equals(ticket.channel())) {
            notifyCitizen(
                    change,
                    ticket.id(),
                    ticket.channel(),
                    ticket.notifyTo(),
                    "ANSWER",
                    "【12345热线】您咨询的问题（工单号" + ticket.ticketNo() + "）答复如下：" + input.content,
                    now);
        }
        return change;
    }

    private TicketChange reject(LockedTicket ticket, Input input, LocalDateTime now) {
        TicketChange change = new TicketChange(TicketAction.REJECT, TicketStatus.REJECTED)
                .set("closed_at", now)
                .put("reason", input.reason);
        notifyCitizen(
                change,
                ticket.id(),
                ticket.channel(),
                ticket.notifyTo(),
                "REJECT",
                "【12345热线】您的诉求（工单号" + ticket.ticketNo() + "）不予受理，原因：" + input.reason + "。如有疑问请拨打12345。",
                now);
        return change;
    }

    private Future<TicketChange> merge(SqlConnection conn, LockedTicket ticket, Input input, LocalDateTime now) {
        if (input.masterTicketNo.equals(ticket.ticketNo())) {
            throw ApiException.invalid("masterTicketNo", "不能将工单并入它自己");
        }
        return lock(conn, input.masterTicketNo).map(found -> {
            LockedTicket master = found.orElseThrow(
                    () -> ApiException.invalid("masterTicketNo", "主工单 " + input.masterTicketNo + " 不存在"));
            if (!master.status().open() || master.masterTicketId() != null) {
                throw ApiException.conflict("主工单状态为“" + master.status().displayName() + "”，不能并入");
            }
            int masterSeq = master.eventSeq() + 1;
            TicketChange change = new TicketChange(TicketAction.MERGE, TicketStatus.MERGED)
                    .set("master_ticket_id", master.id())
                    .put("masterTicketNo", master.ticketNo())
                    .put("reason", input.reason)
                    .also(WorkflowSql.END_DISPATCH, Tuple.of(now, "MERGED", ticket.id()))
                    .also(WorkflowSql.BUMP_EVENT_SEQ, Tuple.of(masterSeq, now, master.id()))
                    .also(
                            WorkflowSql.INSERT_EVENT,
                            Tuple.of(
                                    master.id(),
                                    masterSeq,
                                    input.actor,
                                    TicketAction.MERGE.name(),
                                    master.status().name(),
                                    master.status().name(),
                                    now,
                                    new JsonObject()
                                            .put("mergedTicketNo", ticket.ticketNo())
                                            .put("reason", input.reason)
                                            .encode()));
            change.clearedClocks.addAll(List.of(ClockKind.ACCEPT, ClockKind.REPLY));
            return change;
        });
    }

    private static void notifyCitizen(
            TicketChange change,
            long ticketId,
            String channel,
            String recipient,
            String kind,
            String text,
            LocalDateTime now) {
        String bounded = text.length() > 2000 ? text.substring(0, 1997) + "..." : text;
        change.also(WorkflowSql.INSERT_OUTBOX, Tuple.of(ticketId, channel, recipient, kind, bounded, now, now));
    }

    private static String replyText(String ticketNo, String reply) {
        return "【12345热线】您反映的诉求（工单号" + ticketNo + "）已办理，答复如下：" + reply + "。如对办理结果有意见，可在回访时告知或拨打12345。";
    }

    private TicketChange pause(LockedTicket ticket, Input input, LocalDateTime now) {
        TicketChange change = new TicketChange(TicketAction.PAUSE, TicketStatus.PAUSED)
                .set("paused_at", now)
                .put("reason", input.reason)
                .put("replyDueBefore", Times.iso(ticket.replyDueAt()));
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
        Future<?> chain = Future.succeededFuture();
        for (TicketChange.Statement statement : statements(ticket, change, actor, now)) {
            chain = chain.compose(done -> conn.preparedQuery(statement.sql()).execute(statement.params()));
        }
        return chain.map(done -> new JsonObject()
                .put("ticketNo", ticket.ticketNo())
                .put("action", change.action.name())
                .put("actionName", change.action.displayName())
                .put("status", change.to.name())
                .put("statusName", change.to.displayName())
                .put("seq", ticket.eventSeq() + 1)
                .put("event", change.payload));
    }

    /**
     * Writes the changes of many tickets with one batch per kind of statement. Each ticket's statements come out of
     * {@link #statements} in the same order of kinds, so grouping by statement keeps every ticket's own order.
     */
    private static Future<Integer> writeAll(SqlConnection conn, List<List<TicketChange.Statement>> perTicket) {
        Map<String, List<Tuple>> batches = new LinkedHashMap<>();
        for (List<TicketChange.Statement> statements : perTicket) {
            for (TicketChange.Statement statement : statements) {
                batches.computeIfAbsent(statement.sql(), sql -> new ArrayList<>())
                        .add(statement.params());
            }
        }
        Future<?> chain = Future.succeededFuture();
        for (Map.Entry<String, List<Tuple>> batch : batches.entrySet()) {
            chain = chain.compose(done -> conn.preparedQuery(batch.getKey()).executeBatch(batch.getValue()));
        }
        return chain.map(perTicket.size());
    }

    /** Every statement one transition writes, in order: the ticket, co-units, clocks, related rows, the event. */
    private static List<TicketChange.Statement> statements(
            LockedTicket ticket, TicketChange change, String actor, LocalDateTime now) {
        List<TicketChange.Statement> out = new ArrayList<>();
        int seq = ticket.eventSeq() + 1;
        List<Object> params = new ArrayList<>();
        params.add(change.to.name());
        params.add(seq);
        params.add(now);
        params.addAll(change.columns.values());
        params.add(ticket.id());
        out.add(new TicketChange.Statement(WorkflowSql.updateTicket(change.columns.keySet()), Tuple.from(params)));
        boolean neverDispatched = ticket.dispatchedAt() == null;
        if (change.coUnits != null) {
            if (!ticket.coDepartmentIds().isEmpty()) {
                out.add(new TicketChange.Statement(WorkflowSql.DELETE_CO_DEPARTMENTS, Tuple.of(ticket.id())));
            }
            for (Long co : change.coUnits) {
                out.add(new TicketChange.Statement(WorkflowSql.INSERT_CO_DEPARTMENT, Tuple.of(ticket.id(), co)));
            }
        }
        if (!neverDispatched) {
            for (ClockKind kind : change.clearedClocks) {
                out.add(new TicketChange.Statement(
                        WorkflowSql.DELETE_PENDING_CLOCKS, Tuple.of(ticket.id(), kind.name())));
            }
        }
        for (TicketChange.ClockSpec c : change.clocks) {
            out.add(new TicketChange.Statement(
                    WorkflowSql.INSERT_CLOCK, Tuple.of(ticket.id(), c.kind().name(), c.stage(), c.fireAt())));
        }
        for (TicketChange.Statement statement : change.statements) {
            if (!(neverDispatched && statement.sql().equals(WorkflowSql.END_DISPATCH))) {
                out.add(statement);
            }
        }
        out.add(new TicketChange.Statement(
                WorkflowSql.INSERT_EVENT,
                Tuple.of(
                        ticket.id(),
                        seq,
                        actor,
                        change.action.name(),
                        ticket.status().name(),
                        change.to.name(),
                        now,
                        change.payload.encode())));
        return out;
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

    /** An action's fields, validated before the transaction starts, and who performs it. */
    private static final class Input {

        private static final java.util.Set<String> METHODS =
                java.util.Set.of("PHONE", "SMS", "VISIT", "WECHAT", "CITIZEN", "OTHER");

        String actor;
        Long departmentId;
        Long lead;
        List<Long> coUnits = List.of();
        String reason;
        ReturnReason returnReason;
        int days;
        String content;
        Boolean resolved;
        Satisfaction satisfaction;
        String method;
        String masterTicketNo;
        String kbEntryId;

        Input by(StaffUser user) {
            actor = user.actor();
            departmentId = user.departmentId();
            return this;
        }

        static Input parse(WorkflowAction action, JsonObject body) {
            JsonInput in = JsonInput.of(body == null ? new JsonObject() : body);
            Input input = new Input();
            switch (action) {
                case DISPATCH -> {
                    input.lead = in.positiveId("leadDepartmentId", "主办单位");
                    input.coUnits = in.idList("coDepartmentIds", "协办单位", 20);
                    input.reason = in.text("reason", "派单说明", 500);
                    if (input.lead == null && !input.coUnits.isEmpty()) {
                        in.reject("leadDepartmentId", "指定协办单位时必须同时指定主办单位");
                    }
                }
                case REASSIGN -> {
                    input.lead = in.positiveId("leadDepartmentId", "主办单位");
                    if (input.lead == null && !in.has("leadDepartmentId")) {
                        in.reject("leadDepartmentId", "缺少必填字段：主办单位（leadDepartmentId）");
                    }
                    input.coUnits = in.idList("coDepartmentIds", "协办单位", 20);
                    input.reason = in.requiredText("reason", "改派原因", 500);
                }
                case RETURN -> {
                    String code = in.requiredText("reasonCode", "退单原因类别", 24);
                    if (code != null) {
                        input.returnReason = ReturnReason.of(code).orElse(null);
                        if (input.returnReason == null) {
                            in.reject(
                                    "reasonCode",
                                    "退单原因类别应为 NOT_OUR_DUTY（非本单位职责）、WRONG_AREA（属地不符）、INCOMPLETE（信息不全）或 OTHER（其他）");
                        }
                    }
                    input.reason = in.requiredText("reason", "退单理由", 1000);
                }
                case UPHOLD, PAUSE, DENY_EXTENSION, REJECT_REPLY, REOPEN, REJECT -> input.reason =
                        in.requiredText("reason", "理由", 1000);
                case REQUEST_EXTENSION -> {
                    Integer requested = in.intRange("days", "延期工作日数", 1, 30);
                    if (requested == null && !in.has("days")) {
                        in.reject("days", "缺少必填字段：延期工作日数（days）");
                    }
                    input.days = requested == null ? 0 : requested;
                    input.reason = in.requiredText("reason", "延期理由", 1000);
                }
                case NOTE -> {
                    input.content = in.requiredText("note", "办理记录", 2000);
                    input.method = method(in, "contactMethod", null);
                }
                case SUB_REPLY -> input.content = in.requiredText("content", "协办意见", 5000);
                case REPLY -> {
                    input.content = in.requiredText("content", "答复内容", 5000);
                    input.resolved = in.has("resolved") ? in.bool("resolved", "是否已解决", true) : null;
                }
                case FOLLOW_UP -> {
                    if (!in.has("resolved")) {
                        in.reject("resolved", "缺少必填字段：是否解决（resolved）");
                    }
                    input.resolved = in.bool("resolved", "是否解决", false);
                    String level = in.requiredText("satisfaction", "满意度", 24);
                    input.satisfaction =
                            level == null ? null : Satisfaction.of(level).orElse(null);
                    if (level != null && input.satisfaction == null) {
                        in.reject("satisfaction", "满意度应为 SATISFIED（满意）、BASICALLY_SATISFIED（基本满意）或 UNSATISFIED（不满意）");
                    }
                    input.method = method(in, "method", "PHONE");
                    input.content = in.text("comment", "回访意见", 1000);
                }
                case ANSWER -> {
                    input.content = in.requiredText("answer", "答复内容", 5000);
                    input.kbEntryId = in.text("kbEntryId", "知识库条目", 64);
                }
                case MERGE -> {
                    input.masterTicketNo = in.requiredText("masterTicketNo", "主工单号", 20);
                    input.reason = in.text("reason", "并单说明", 500);
                }
                default -> input.reason = in.text("note", "说明", 1000);
            }
            in.throwIfInvalid();
            return input;
        }

        private static String method(JsonInput in, String field, String fallback) {
            String value = in.text(field, "联系方式", 16);
            if (value != null && !METHODS.contains(value)) {
                in.reject(field, "联系方式应为 PHONE、SMS、VISIT、WECHAT、CITIZEN 或 OTHER");
            }
            return value == null ? fallback : value;
        }
    }
}
