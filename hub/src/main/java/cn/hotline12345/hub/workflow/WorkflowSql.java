package cn.hotline12345.hub.workflow;

import java.util.Collection;
import java.util.Set;

final class WorkflowSql {

    private static final String TICKET_COLUMNS =
            """
            id, ticket_no, channel, citizen_id, citizen_phone,
                CASE WHEN channel = 'wechat' THEN COALESCE(reply_to, citizen_phone)
                    ELSE COALESCE(citizen_phone, reply_to) END AS notify_to,
                master_ticket_id, status, event_seq, title, content, request_type, category, subcategory, urgency,
                address, area, area_code, lead_department_id, routing_version,
                routing_row_no, dispatched_at, accepted_at, replied_at, return_due_at, accept_due_at, reply_due_at,
                reply_unit, follow_up_due_at, paused_at, extended_days, overdue, satisfaction, reopen_count,
                public_consent, (SELECT m.department_id FROM mailbox m WHERE m.id = ticket.mailbox_id) AS mailbox_department_id""";

    static final String LOCK_TICKET = "SELECT " + TICKET_COLUMNS + " FROM ticket WHERE ticket_no = ? FOR UPDATE";

    static final String LOCK_TICKETS_IN_ORDER =
            "SELECT id, ticket_no FROM ticket WHERE ticket_no IN (?, ?) ORDER BY id FOR UPDATE";

    static final String MERGED_CHILDREN =
            """
            SELECT id, ticket_no, status, event_seq, channel,
                CASE WHEN channel = 'wechat' THEN COALESCE(reply_to, citizen_phone)
                    ELSE COALESCE(citizen_phone, reply_to) END AS notify_to
            FROM ticket
            WHERE master_ticket_id = ? AND status = 'MERGED' ORDER BY id FOR UPDATE""";

    static final String SHARE_REPLY_WITH_CHILD =
            """
            UPDATE ticket SET status = 'FOLLOW_UP', event_seq = ?, approved_at = ?, replied_at = ?,
                follow_up_due_at = ?, updated_at = ?
            WHERE id = ?""";

    static final String BUMP_EVENT_SEQ = "UPDATE ticket SET event_seq = ?, updated_at = ? WHERE id = ?";

    static final String END_DISPATCH =
            "UPDATE ticket_dispatch SET ended_at = ?, outcome = ? WHERE ticket_id = ? AND ended_at IS NULL";

    static final String INSERT_DISPATCH =
            """
            INSERT INTO ticket_dispatch (ticket_id, department_id, dispatched_at, accept_due_at)
            VALUES (?, ?, ?, ?)""";

    static final String ACCEPT_DISPATCH =
            "UPDATE ticket_dispatch SET accepted_at = ? WHERE ticket_id = ? AND ended_at IS NULL";

    static final String INSERT_REPLY =
            """
            INSERT INTO ticket_reply (ticket_id, department_id, kind, content, author, created_at, review)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    static final String SUB_REPLIES =
            """
            SELECT id, department_id, content, author, created_at FROM ticket_reply
            WHERE ticket_id = ? AND kind = 'SUB' ORDER BY id""";

    static final String REVIEW_REPLY =
            """
            UPDATE ticket_reply SET review = ?, reviewed_by = ?, reviewed_at = ?, review_note = ?
            WHERE ticket_id = ? AND kind = 'FINAL' AND review = 'PENDING'""";

    static final String PENDING_REPLY =
            """
            SELECT id, content FROM ticket_reply WHERE ticket_id = ? AND kind = 'FINAL' AND review = 'PENDING'
            ORDER BY id DESC LIMIT 1""";

    static final String INSERT_FOLLOW_UP =
            """
            INSERT INTO ticket_follow_up (ticket_id, contacted_by, method, resolved, satisfaction, comment, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    static final String INSERT_OUTBOX =
            """
            INSERT INTO outbox (ticket_id, channel, recipient, kind, text, status, next_attempt_at, created_at)
            VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?)""";

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

    static final String AWAITING_DISPATCH = "SELECT " + TICKET_COLUMNS
            + " FROM ticket WHERE status = 'RECEIVED' AND triage = 0 ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";

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
            SELECT t.id, t.ticket_no, t.channel, t.status, t.title, t.content, t.request_type, t.category,
                t.subcategory, t.urgency, t.citizen_name, t.citizen_phone, t.address, t.area, t.area_code,
                t.lead_department_id, t.routing_version, t.routing_row_no, t.dispatched_at, t.accepted_at,
                t.replied_at, t.approved_at, t.closed_at, t.return_due_at, t.accept_due_at, t.reply_due_at,
                t.follow_up_due_at, t.paused_at, t.extended_days, t.overdue, t.triage, t.resolved, t.satisfaction,
                t.reopen_count, t.public_consent, t.created_at, t.updated_at, m.ticket_no AS master_ticket_no
            FROM ticket t LEFT JOIN ticket m ON m.id = t.master_ticket_id WHERE t.ticket_no = ?""";

    static final String REPLIES =
            """
            SELECT id, department_id, kind, content, author, created_at, review, reviewed_by, reviewed_at, review_note
            FROM ticket_reply WHERE ticket_id = ? ORDER BY id""";

    static final String FOLLOW_UPS =
            """
            SELECT contacted_by, method, resolved, satisfaction, comment, created_at FROM ticket_follow_up
            WHERE ticket_id = ? ORDER BY id""";

    static final String CITIZEN_OF_TICKET =
            """
            SELECT t.id, t.request_type, t.citizen_name, t.citizen_phone, t.lead_department_id,
                EXISTS (SELECT 1 FROM ticket_co_department c WHERE c.ticket_id = t.id AND c.department_id = ?) AS co
            FROM ticket t WHERE t.ticket_no = ?""";

    /** A page of the ticket list with the given extra conditions (each a fixed clause with ? parameters). */
    static String search(java.util.List<String> conditions) {
        StringBuilder sql = new StringBuilder(
                """
                SELECT t.id, t.ticket_no, t.channel, t.title, t.status, t.request_type, t.category, t.subcategory,
                    t.urgency, t.lead_department_id, t.area_code, t.accept_due_at, t.reply_due_at, t.overdue,
                    t.created_at, t.updated_at
                FROM ticket t WHERE t.id < ?""");
        conditions.forEach(c -> sql.append(" AND ").append(c));
        return sql.append(" ORDER BY t.id DESC LIMIT ?").toString();
    }

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
            "area_code",
            "master_ticket_id",
            "replied_at",
            "approved_at",
            "closed_at",
            "resolved",
            "satisfaction",
            "reopen_count",
            "publication",
            "published_at");

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
