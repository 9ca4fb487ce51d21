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
import static cn.hotline12345.hub.ticket.TicketStatus.RETURN_REQUESTED;

import cn.hotline12345.hub.account.Role;
import cn.hotline12345.hub.ticket.TicketAction;
import cn.hotline12345.hub.ticket.TicketStatus;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The transitions staff perform on a ticket through {@code POST /api/v1/tickets/{ticketNo}/actions/{action}}: who may
 * perform each, and from which statuses. Department roles act only as the ticket's lead unit.
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
            Set.of(DISPATCHED, IN_PROGRESS, RETURN_REQUESTED, PAUSED));

    private final String path;
    private final TicketAction event;
    private final Set<Role> roles;
    private final Set<TicketStatus> from;

    WorkflowAction(String path, TicketAction event, Set<Role> roles, Set<TicketStatus> from) {
        this.path = path;
        this.event = event;
        this.roles = roles;
        this.from = from;
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
