package cn.hotline12345.hub.ticket;

final class TicketSql {

    static final String INSERT_CITIZEN =
            "INSERT INTO citizen (name, phone, created_at, updated_at) VALUES (?, ?, ?, ?)";

    static final String FILL_CITIZEN_CONTACT =
            """
            UPDATE citizen SET name = COALESCE(name, ?), phone = COALESCE(phone, ?), updated_at = ? WHERE id = ?""";

    static final String MOVE_IDENTITIES = "UPDATE citizen_identity SET citizen_id = ? WHERE citizen_id = ?";

    static final String DELETE_CITIZEN = "DELETE FROM citizen WHERE id = ?";

    static final String LINK_IDENTITY =
            """
            INSERT INTO citizen_identity (citizen_id, kind, identifier, verified, source, created_at)
            VALUES (?, ?, ?, 1, 'channel', ?)
            ON DUPLICATE KEY UPDATE citizen_id = citizen_id""";

    static final String IDENTITY_OWNER = "SELECT citizen_id FROM citizen_identity WHERE kind = ? AND identifier = ?";

    static final String INSERT_TICKET =
            """
            INSERT INTO ticket (ticket_no, channel, external_id, idempotency_key, citizen_id, citizen_name,
                citizen_phone, reply_to, title, content, request_type, category, type_confidence, category_confidence,
                classifier_version, triage, address, area, status, public_consent, event_seq, received_at,
                created_at, updated_at, subcategory, urgency, replied_at, approved_at, closed_at, resolved, mailbox_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    static final String INSERT_DIRECT_ANSWER =
            """
            INSERT INTO ticket_reply (ticket_id, department_id, kind, content, author, created_at, review)
            VALUES (?, NULL, 'FINAL', ?, ?, ?, 'APPROVED')""";

    static final String INSERT_EVENT =
            """
            INSERT INTO ticket_event (ticket_id, seq, actor, action, from_status, to_status, occurred_at, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    static final String TICKET_BY_CHANNEL_AND_EXTERNAL_ID =
            """
            SELECT id, ticket_no, channel, status, created_at FROM ticket
            WHERE channel = ? AND external_id = ?""";

    static final String TICKET_BY_IDEMPOTENCY_KEY =
            """
            SELECT id, ticket_no, channel, status, created_at FROM ticket
            WHERE idempotency_key = ?""";

    static final String PROGRESS_BY_TICKET_NO =
            """
            SELECT id, ticket_no, channel, title, status, citizen_id, citizen_phone, created_at, updated_at FROM ticket
            WHERE ticket_no = ?""";

    static final String APPROVED_REPLY =
            """
            SELECT content FROM ticket_reply WHERE ticket_id = ? AND kind = 'FINAL' AND review = 'APPROVED'
            ORDER BY id DESC LIMIT 1""";

    static final String EVENTS_OF_TICKET =
            """
            SELECT action, occurred_at FROM ticket_event WHERE ticket_id = ? ORDER BY seq""";

    static final String ENSURE_NUMBER_DAY =
            """
            INSERT INTO ticket_no_block (day, next_value) VALUES (?, 1)
            ON DUPLICATE KEY UPDATE next_value = next_value""";

    static final String TAKE_NUMBER_BLOCK =
            """
            UPDATE ticket_no_block SET next_value = LAST_INSERT_ID(next_value + ?) WHERE day = ?""";

    static final String LOCK_FOR_RECLASSIFY =
            """
            SELECT id, status, event_seq, request_type, category, subcategory, title, content FROM ticket
            WHERE ticket_no = ? FOR UPDATE""";

    static final String INSERT_CORRECTION =
            """
            INSERT INTO classification_correction (ticket_id, text, request_type, category, previous_type,
                previous_category, corrected_by, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    static final String APPLY_CLASSIFICATION =
            """
            UPDATE ticket SET request_type = ?, category = ?, subcategory = ?, triage = 0, status = ?, event_seq = ?,
                updated_at = ?
            WHERE id = ?""";

    static final String TRIAGE_QUEUE =
            """
            SELECT id, ticket_no, channel, title, LEFT(content, 200) AS excerpt, request_type, type_confidence, category,
                category_confidence, classifier_version, created_at
            FROM ticket WHERE triage = 1 AND id > ? ORDER BY id LIMIT ?""";

    private TicketSql() {}
}
