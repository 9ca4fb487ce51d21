package cn.hotline12345.hub.attachment;

final class AttachmentSql {

    static final String INSERT =
            """
            INSERT INTO ticket_attachment (ticket_id, kind, file_name, content_type, size_bytes, sha256, content,
                uploaded_by, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE id = id""";

    static final String OF_TICKET =
            """
            SELECT id, kind, file_name, content_type, size_bytes, uploaded_by, created_at FROM ticket_attachment
            WHERE ticket_id = ? ORDER BY id""";

    static final String TICKET_ID = "SELECT id FROM ticket WHERE ticket_no = ?";

    static final String CONTENT =
            """
            SELECT a.id, a.file_name, a.content_type, a.content FROM ticket_attachment a
            JOIN ticket t ON t.id = a.ticket_id
            WHERE t.ticket_no = ? AND a.id = ?""";

    private AttachmentSql() {}
}
