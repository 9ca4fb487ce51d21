package cn.hotline12345.hub.stats;

final class KpiSql {

    static final String DISPATCHES =
            """
            SELECT COUNT(*) AS total,
                COALESCE(SUM(accepted_at IS NOT NULL AND accepted_at <= accept_due_at), 0) AS accepted_on_time,
                COALESCE(SUM(ended_at IS NULL AND accepted_at IS NULL AND accept_due_at > UTC_TIMESTAMP(3)), 0) AS pending
            FROM ticket_dispatch WHERE dispatched_at >= ? AND dispatched_at < ? AND (? IS NULL OR department_id = ?)""";

    static final String CLOSED =
            """
            SELECT COUNT(*) AS total,
                COALESCE(SUM(reply_due_at IS NULL OR replied_at <= reply_due_at), 0) AS on_time
            FROM ticket WHERE status = 'CLOSED' AND closed_at >= ? AND closed_at < ?
                AND (? IS NULL OR lead_department_id = ?)""";

    static final String OPEN_OVERDUE =
            """
            SELECT COUNT(*) FROM ticket
            WHERE overdue = 1 AND status IN ('DISPATCHED', 'IN_PROGRESS', 'RETURN_REQUESTED', 'PAUSED', 'REPLIED')
                AND reply_due_at >= ? AND reply_due_at < ? AND (? IS NULL OR lead_department_id = ?)""";

    static final String FOLLOW_UPS =
            """
            SELECT COUNT(*) AS total, COALESCE(SUM(f.resolved), 0) AS resolved,
                COALESCE(SUM(f.satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED')), 0) AS satisfied
            FROM ticket_follow_up f JOIN ticket t ON t.id = f.ticket_id
            WHERE f.created_at >= ? AND f.created_at < ? AND (? IS NULL OR t.lead_department_id = ?)""";

    static final String RETURNS =
            """
            SELECT COUNT(*) FROM ticket_return
            WHERE requested_at >= ? AND requested_at < ? AND (? IS NULL OR department_id = ?)""";

    static final String EXTENSIONS =
            """
            SELECT COUNT(*) FROM ticket_extension
            WHERE decision = 'APPROVED' AND decided_at >= ? AND decided_at < ? AND (? IS NULL OR department_id = ?)""";

    static final String REOPENS =
            """
            SELECT COUNT(*) FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id
            WHERE e.action = 'REOPEN' AND e.occurred_at >= ? AND e.occurred_at < ?
                AND (? IS NULL OR t.lead_department_id = ?)""";

    static final String VOLUME_BY =
            """
            SELECT %s AS k, COUNT(*) AS n FROM ticket
            WHERE created_at >= ? AND created_at < ? AND (? IS NULL OR lead_department_id = ?)
            GROUP BY k ORDER BY n DESC, k""";

    static final String PUBLISHED =
            """
            SELECT COUNT(*) FROM ticket
            WHERE publication = 'APPROVED' AND public_consent = 1 AND published_at >= ? AND published_at < ?""";

    private KpiSql() {}
}
