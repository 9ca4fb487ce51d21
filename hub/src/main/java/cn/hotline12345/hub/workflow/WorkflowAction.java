package cn.hotline12345.hub.workflow;

import static cn.hotline12345.hub.account.Role.ADMIN;
import static cn.hotline12345.hub.account.Role.AGENT;
import static cn.hotline12345.hub.account.Role.DEPARTMENT_ADMIN;
import static cn.hotline12345.hub.account.Role.DEPARTMENT_STAFF;
import static cn.hotline12345.hub.account.Role.DISPATCHER;
import static cn.hotline12345.hub.account.Role.SUPERVISOR;
import static cn.hotline12345.hub.ticket.TicketStatus.DISPATCHED;
import static cn.hotline12345.hub.ticket.TicketStatus.IN_PROGRESS;
import static cn.hotline12345.hub.ticket.TicketStatus.PAUSED;
import static cn.hotline12345.hub.ticket.TicketStatus.PENDING_DISPATCH;
import static cn.hotline12345.hub.ticket.TicketStatus.RECEIVED;
import static cn.hotline12345.hub.ticket.TicketStatus.REPLIED;
import static cn.hotline12345.hub.ticket.TicketStatus.RETURN_REQUESTED;

import cn.hotline12345.hub.account.Role;
import cn.hotline12345.hub.ticket.TicketAction;
import cn.hotline12345.hub.ticket.TicketStatus;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The transitions staff perform on a ticket through {@code POST /api/v1/tickets/{ticketNo}/actions/{action}}: who may
 * perform each, from which statuses, and — for department roles — as which unit of the ticket (lead unit by default).
 */
public enum WorkflowAction {
    /** 派单: by the responsibility list, or to the unit a dispatcher names. */
    DISPATCH("dispatch", TicketAction.DISPATCH, Set.of(AGENT, DISPATCHER, ADMIN), Set.of(RECEIVED, PENDING_DISPATCH)),
    /** 签收. */
    ACCEPT("accept", TicketAction.ACCEPT, Set.of(DEPARTMENT_STAFF, DEPARTMENT_ADMIN), Set.of(DISPATCHED)),
    /** 退单, within the return window, with a structured reason. */
    RETURN("return", TicketAction.RETURN, Set.of(DEPARTMENT_STAFF, DEPARTMENT_ADMIN), Set.of(DISPATCHED, IN_PROGRESS)),
    /** 改派: to another lead unit (deciding a return, or correcting a dispatch). */
    REASSIGN(
            "reassign",
            TicketAction.REASSIGN,
            Set.of(DISPATCHER, ADMIN),
            Set.of(PENDING_DISPATCH, DISPATCHED, IN_PROGRESS, RETURN_REQUESTED)),
    /** 维持原派: refuse a return. */
    UPHOLD("uphold", TicketAction.UPHOLD, Set.of(DISPATCHER, ADMIN), Set.of(RETURN_REQUESTED)),
    /** 待补充材料: stop the clock. */
    PAUSE("pause", TicketAction.PAUSE, Set.of(DEPARTMENT_STAFF, DEPARTMENT_ADMIN), Set.of(IN_PROGRESS)),
    /** 恢复办理: restart the clock, deadline moved by the pause. */
    RESUME(
            "resume",
            TicketAction.RESUME,
            Set.of(DEPARTMENT_STAFF, DEPARTMENT_ADMIN, DISPATCHER, ADMIN),
            Set.of(PAUSED)),
    /** 申请延期. */
    REQUEST_EXTENSION(
            "request-extension",
            TicketAction.REQUEST_EXTENSION,
            Set.of(DEPARTMENT_STAFF, DEPARTMENT_ADMIN),
            Set.of(DISPATCHED, IN_PROGRESS, PAUSED)),
    /** 同意延期. */
    APPROVE_EXTENSION(
            "approve-extension",
            TicketAction.APPROVE_EXTENSION,
            Set.of(DISPATCHER, SUPERVISOR, ADMIN),
            Set.of(DISPATCHED, IN_PROGRESS, PAUSED)),
    /** 不同意延期. */
    DENY_EXTENSION(
            "deny-extension",
            TicketAction.DENY_EXTENSION,
            Set.of(DISPATCHER, SUPERVISOR, ADMIN),
            Set.of(DISPATCHED, IN_PROGRESS, PAUSED)),
    /** 催办 by a person. */
    URGE(
            "urge",
            TicketAction.URGE,
            Set.of(DISPATCHER, SUPERVISOR, ADMIN),
            Set.of(DISPATCHED, IN_PROGRESS, RETURN_REQUESTED, PAUSED)),
    /** 督办 by a supervisor. */
    SUPERVISE(
            "supervise",
            TicketAction.SUPERVISE,
            Set.of(SUPERVISOR, ADMIN),
            Set.of(DISPATCHED, IN_PROGRESS, RETURN_REQUESTED, PAUSED)),
    /** 办理记录 or contact log, by the lead unit, a co-unit or the centre. */
    NOTE(
            "note",
            TicketAction.NOTE,
            Set.of(DEPARTMENT_STAFF, DEPARTMENT_ADMIN, AGENT, DISPATCHER, SUPERVISOR, ADMIN),
            Set.of(DISPATCHED, IN_PROGRESS, PAUSED, RETURN_REQUESTED, REPLIED, TicketStatus.FOLLOW_UP),
            Unit.INVOLVED),
    /** 协办意见, by a co-unit. */
    SUB_REPLY(
            "sub-reply",
            TicketAction.SUB_REPLY,
            Set.of(DEPARTMENT_STAFF, DEPARTMENT_ADMIN),
            Set.of(DISPATCHED, IN_PROGRESS, PAUSED),
            Unit.CO),
    /** 答复, by the lead unit, merging the co-units' sub-replies. */
    REPLY("reply", TicketAction.REPLY, Set.of(DEPARTMENT_STAFF, DEPARTMENT_ADMIN), Set.of(IN_PROGRESS)),
    /** 审核通过: the reply goes to the citizen through the original channel. */
    APPROVE("approve", TicketAction.APPROVE, Set.of(DISPATCHER, SUPERVISOR, ADMIN), Set.of(REPLIED)),
    /** 审核退回. */
    REJECT_REPLY("reject-reply", TicketAction.REJECT_REPLY, Set.of(DISPATCHER, SUPERVISOR, ADMIN), Set.of(REPLIED)),
    /** 回访: resolved or not, and satisfaction; closes the ticket. */
    FOLLOW_UP(
            "follow-up",
            TicketAction.FOLLOW_UP,
            Set.of(AGENT, DISPATCHER, SUPERVISOR, ADMIN),
            Set.of(TicketStatus.FOLLOW_UP)),
    /** 重办 after an unsatisfied follow-up. */
    REOPEN("reopen", TicketAction.REOPEN, Set.of(DISPATCHER, SUPERVISOR, ADMIN), Set.of(TicketStatus.CLOSED)),
    /** 直接答复 of a 咨询 by an agent. */
    ANSWER("answer", TicketAction.ANSWER, Set.of(AGENT, DISPATCHER, ADMIN), Set.of(RECEIVED, PENDING_DISPATCH)),
    /** 不予受理. */
    REJECT("reject", TicketAction.REJECT, Set.of(AGENT, DISPATCHER, ADMIN), Set.of(RECEIVED, PENDING_DISPATCH)),
    /** 并单 into a master ticket. */
    MERGE(
            "merge",
            TicketAction.MERGE,
            Set.of(AGENT, DISPATCHER, ADMIN),
            Set.of(RECEIVED, PENDING_DISPATCH, DISPATCHED, IN_PROGRESS, RETURN_REQUESTED, PAUSED)),
    /** 公开: publish a closed request and its reply, redacted, when the citizen agreed (政务公开). */
    PUBLISH("publish", TicketAction.PUBLISH, Set.of(DISPATCHER, SUPERVISOR, ADMIN), Set.of(TicketStatus.CLOSED)),
    /** 撤回公开. */
    UNPUBLISH("unpublish", TicketAction.UNPUBLISH, Set.of(DISPATCHER, SUPERVISOR, ADMIN), Set.of(TicketStatus.CLOSED));

    /** Which units a department user must belong to for the action. */
    public enum Unit {
        /** The lead unit (主办). */
        LEAD,
        /** A co-unit (协办). */
        CO,
        /** The lead unit or a co-unit. */
        INVOLVED
    }

    private final String path;
    private final TicketAction event;
    private final Set<Role> roles;
    private final Set<TicketStatus> from;
    private final Unit unit;

    WorkflowAction(String path, TicketAction event, Set<Role> roles, Set<TicketStatus> from) {
        this(path, event, roles, from, Unit.LEAD);
    }

    WorkflowAction(String path, TicketAction event, Set<Role> roles, Set<TicketStatus> from, Unit unit) {
        this.path = path;
        this.event = event;
        this.roles = roles;
        this.from = from;
        this.unit = unit;
    }

    /** Which units a department user must belong to. */
    public Unit unit() {
        return unit;
    }

    /** The action's name in the URL, e.g. {@code request-extension}. */
    public String path() {
        return path;
    }

    /** The event it writes. */
    public TicketAction event() {
        return event;
    }

    /** The roles that may perform it. */
    public Set<Role> roles() {
        return roles;
    }

    /** The statuses it may start from. */
    public Set<TicketStatus> from() {
        return from;
    }

    /** The action with this URL name. */
    public static Optional<WorkflowAction> ofPath(String path) {
        return Arrays.stream(values()).filter(a -> a.path.equals(path)).findFirst();
    }
}
