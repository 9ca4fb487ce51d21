package cn.hotline12345.hub.publication;

final class PublicationSql {

    static final String MAILBOXES =
            """
            SELECT m.id, m.code, m.name, m.description, m.active, d.id AS department_id, d.name AS department
            FROM mailbox m JOIN department d ON d.id = m.department_id ORDER BY m.id""";

    static final String MAILBOX_COUNT = "SELECT COUNT(*) FROM mailbox";

    static final String UPSERT_MAILBOX =
            """
            INSERT INTO mailbox (code, name, description, department_id, active, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE name = VALUES(name), description = VALUES(description),
                department_id = VALUES(department_id), active = VALUES(active), updated_at = VALUES(updated_at)""";

    static final String PUBLISHED =
            """
            SELECT t.id, t.ticket_no, t.channel, t.title, t.content, t.category, t.citizen_name, t.created_at,
                t.published_at, m.name AS mailbox,
                (SELECT r.content FROM ticket_reply r WHERE r.ticket_id = t.id AND r.kind = 'FINAL'
                    AND r.review = 'APPROVED' ORDER BY r.id DESC LIMIT 1) AS reply,
                (SELECT d.name FROM department d WHERE d.id = t.lead_department_id) AS department
            FROM ticket t LEFT JOIN mailbox m ON m.id = t.mailbox_id
            WHERE t.publication = 'APPROVED' AND t.public_consent = 1 AND t.id < ?
            ORDER BY t.id DESC LIMIT ?""";

    private PublicationSql() {}
}
