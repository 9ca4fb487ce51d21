package cn.hotline12345.hub.workflow;

import java.util.Collection;
import java.util.Set;

final class WorkflowSql {

    private static final String TICKET_COLUMNS =
            """
            id, ticket_no, status, event_seq, title, content, request_type, category, subcategory, urgency, address,
                area, area_code, lead_department_id, routing_version, routing_row_no, dispatched_at, accepted_at,
                return_due_at, accept_due_at, reply_due_at, reply_unit, follow_up_due_at, paused_at, extended_days,
                overdue""";

    static final String LOCK_TICKET = "SELECT " + TICKET_COLUMNS + " FROM ticket WHERE ticket_no = ? FOR UPDATE";

    static final String CO_DEPARTMENTS = "SELECT department_id FROM ticket_co_department WHERE ticket_id = ?";

    static final String DELETE_CO_DEPARTMENTS = "DELETE FROM ticket_co_department WHERE ticket_id = ?";

    static final String INSERT_CO_DEPARTMENT =
            "INSERT INTO ticket_co_department (ticket_id, department_id) VALUES (?, ?)";

    static final String INSERT_EVENT =
            """
            INSERT INTO ticket_event (ticket_id, seq, actor, action, from_status, to_status, occurred_at, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    static final String DELETE_PENDING_CLOCKS =
            "DELETE FROM ticket_clock WHERE ticket_id = ? AND kind = ? AND fired_at IS NULL";

    static final String INSERT_CLOCK = "INSERT INTO ticket_clock (ticket_id, kind, stage, fire_at) VALUES (?, ?, ?, ?)";

    static final String AWAITING_DISPATCH =
            """
            SELECT ticket_no FROM ticket WHERE status = 'RECEIVED' AND triage = 0 ORDER BY id LIMIT ?
            FOR UPDATE SKIP LOCKED""";

    static final String DUE_CLOCKS =
            """
            SELECT c.id, c.ticket_id, c.kind, c.stage, c.fire_at, t.ticket_no, t.status, t.event_seq,
                t.lead_department_id, t.accept_due_at, t.reply_due_at, t.follow_up_due_at
            FROM ticket_clock c JOIN ticket t ON t.id = c.ticket_id
            WHERE c.fired_at IS NULL AND c.fire_at <= ?
            ORDER BY c.fire_at, c.id LIMIT ?
            FOR UPDATE SKIP LOCKED""";

    static final String MARK_CLOCK_FIRED =
            "UPDATE ticket_clock SET fired_at = ?, outcome = ?, fired_by = ? WHERE id = ?";

    static final String CLOCK_EVENT_UPDATE =
            "UPDATE ticket SET event_seq = ?, overdue = GREATEST(overdue, ?), updated_at = ? WHERE id = ?";

    static final String LATEST_RETURN =
            """
            SELECT id, department_id, reason_code, decision, requested_at FROM ticket_return
            WHERE ticket_id = ? ORDER BY id DESC LIMIT 1""";

    static final String INSERT_RETURN =
            """
            INSERT INTO ticket_return (ticket_id, department_id, reason_code, reason_text, requested_by, requested_at)
            VALUES (?, ?, ?, ?, ?, ?)""";

    static final String DECIDE_RETURN =
            """
            UPDATE ticket_return SET decision = ?, decided_by = ?, decided_at = ?, decision_note = ?
            WHERE ticket_id = ? AND decision IS NULL""";

    static final String PENDING_EXTENSION =
            """
            SELECT id, department_id, days, reason FROM ticket_extension
            WHERE ticket_id = ? AND decision IS NULL ORDER BY id DESC LIMIT 1""";

    static final String INSERT_EXTENSION =
            """
            INSERT INTO ticket_extension (ticket_id, department_id, days, reason, requested_by, requested_at)
            VALUES (?, ?, ?, ?, ?, ?)""";

    static final String DECIDE_EXTENSION =
            "UPDATE ticket_extension SET decision = ?, decided_by = ?, decided_at = ? WHERE id = ?";

    static final String PENDING_DISPATCH_QUEUE =
            """
            SELECT t.id, t.ticket_no, t.channel, t.title, LEFT(t.content, 200) AS excerpt, t.request_type, t.category,
                t.subcategory, t.area, t.area_code, t.address, t.status, t.created_at,
                (SELECT e.payload FROM ticket_event e WHERE e.ticket_id = t.id AND e.action = 'AWAIT_DISPATCH'
                    ORDER BY e.seq DESC LIMIT 1) AS routing
            FROM ticket t WHERE t.status = 'PENDING_DISPATCH' AND t.id > ? ORDER BY t.id LIMIT ?""";

    static final String RETURN_QUEUE =
            """
            SELECT t.id, t.ticket_no, t.title, t.category, t.lead_department_id, r.reason_code, r.reason_text,
                r.requested_by, r.requested_at
            FROM ticket t JOIN ticket_return r ON r.ticket_id = t.id AND r.decision IS NULL
            WHERE t.status = 'RETURN_REQUESTED' AND t.id > ? ORDER BY t.id LIMIT ?""";

    static final String OVERDUE_QUEUE =
            """
            SELECT id, ticket_no, title, status, category, lead_department_id, accept_due_at, reply_due_at,
                follow_up_due_at, overdue
            FROM ticket WHERE overdue = ? AND status IN ('DISPATCHED', 'IN_PROGRESS', 'RETURN_REQUESTED', 'PAUSED',
                'FOLLOW_UP') AND id > ? ORDER BY id LIMIT ?""";

    static final String WARNED_QUEUE =
            """
            SELECT id, ticket_no, title, status, category, lead_department_id, accept_due_at, reply_due_at,
                follow_up_due_at, overdue
            FROM ticket t WHERE overdue = 0 AND status IN ('DISPATCHED', 'IN_PROGRESS', 'RETURN_REQUESTED', 'PAUSED',
                'FOLLOW_UP') AND id > ?
                AND EXISTS (SELECT 1 FROM ticket_clock c WHERE c.ticket_id = t.id AND c.stage = 'WARN'
                    AND c.outcome = 'FIRED')
            ORDER BY id LIMIT ?""";

    static final String TICKET_DETAIL =
            """
            SELECT id, ticket_no, channel, status, title, content, request_type, category, subcategory, urgency,
                citizen_name, citizen_phone, address, area, area_code, lead_department_id, routing_version,
                routing_row_no, dispatched_at, accepted_at, return_due_at, accept_due_at, reply_due_at,
                follow_up_due_at, paused_at, extended_days, overdue, triage, created_at, updated_at
            FROM ticket WHERE ticket_no = ?""";

    static final String EVENTS =
            """
            SELECT seq, actor, action, from_status, to_status, occurred_at, payload FROM ticket_event
            WHERE ticket_id = ? ORDER BY seq""";

    static final String CLOCKS =
            "SELECT kind, stage, fire_at, fired_at, outcome FROM ticket_clock WHERE ticket_id = ? ORDER BY fire_at, id";

    private static final Set<String> UPDATABLE = Set.of(
            "lead_department_id",
            "routing_version",
            "routing_row_no",
            "dispatched_at",
            "accepted_at",
            "return_due_at",
            "accept_due_at",
            "reply_due_at",
            "reply_unit",
            "follow_up_due_at",
            "paused_at",
            "extended_days",
            "overdue",
            "area_code");

    /** {@code UPDATE ticket SET status, event_seq, updated_at and the given columns WHERE id = ?}. */
    static String updateTicket(Collection<String> columns) {
        StringBuilder sql = new StringBuilder("UPDATE ticket SET status = ?, event_seq = ?, updated_at = ?");
        for (String column : columns) {
            if (!UPDATABLE.contains(column)) {
                throw new IllegalArgumentException("Not an updatable ticket column: " + column);
            }
            sql.append(", ").append(column).append(" = ?");
        }
        return sql.append(" WHERE id = ?").toString();
    }

    private WorkflowSql() {}
}
