package cn.hotline12345.hub.notify;

final class OutboxSql {

    static final String DUE =
            """
            SELECT id, ticket_id, channel, recipient, kind, text, attempts FROM outbox
            WHERE status IN ('PENDING', 'SENDING') AND next_attempt_at <= ?
            ORDER BY next_attempt_at, id LIMIT ?
            FOR UPDATE SKIP LOCKED""";

    static final String LEASE =
            "UPDATE outbox SET status = 'SENDING', attempts = attempts + 1, next_attempt_at = ? WHERE id = ?";

    static final String SENT =
            "UPDATE outbox SET status = 'SENT', sent_at = ?, delivered_via = ?, last_error = NULL WHERE id = ?";

    static final String RETRY = "UPDATE outbox SET status = ?, next_attempt_at = ?, last_error = ? WHERE id = ?";

    static final String OF_TICKET =
            """
            SELECT id, channel, kind, text, status, attempts, delivered_via, created_at, sent_at FROM outbox
            WHERE ticket_id = ? ORDER BY id""";

    static final String CITIZEN_PHONE = "SELECT citizen_phone FROM ticket WHERE id = ?";

    private OutboxSql() {}
}
