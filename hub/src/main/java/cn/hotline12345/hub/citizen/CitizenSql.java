package cn.hotline12345.hub.citizen;

final class CitizenSql {

    static final String OWNER_OF_IDENTITY = "SELECT citizen_id FROM citizen_identity WHERE kind = ? AND identifier = ?";

    static final String LOCK_OWNER_OF_IDENTITY =
            "SELECT citizen_id FROM citizen_identity WHERE kind = ? AND identifier = ? FOR UPDATE";

    static final String LINK_VERIFIED =
            """
            INSERT INTO citizen_identity (citizen_id, kind, identifier, verified, source, created_at)
            VALUES (?, ?, ?, 1, 'channel', ?)
            ON DUPLICATE KEY UPDATE citizen_id = VALUES(citizen_id), verified = 1""";

    static final String CITIZEN = "SELECT id, name, phone, merged_into, created_at FROM citizen WHERE id = ?";

    static final String LOCK_CITIZENS =
            "SELECT id, name, phone, merged_into FROM citizen WHERE id IN (?, ?) ORDER BY id FOR UPDATE";

    static final String LOCK_CITIZEN = "SELECT id, name, phone, merged_into FROM citizen WHERE id = ? FOR UPDATE";

    static final String IDENTITIES =
            """
            SELECT id, kind, identifier, verified, source, created_at FROM citizen_identity
            WHERE citizen_id = ? ORDER BY id""";

    private static final String TICKET_COLUMNS =
            """
            t.id, t.ticket_no, t.channel, t.title, t.status, t.request_type, t.category, t.citizen_id, t.citizen_phone,
                t.created_at, t.closed_at, t.satisfaction""";

    static final String TICKETS_OF_CITIZEN =
            "SELECT " + TICKET_COLUMNS + " FROM ticket t WHERE t.citizen_id = ? ORDER BY t.id DESC LIMIT 100";

    static final String TICKETS_WITH_PHONE =
            """
            SELECT %s FROM ticket t
            WHERE t.citizen_phone = ? AND (t.citizen_id IS NULL OR t.citizen_id <> ?)
            ORDER BY t.id DESC LIMIT 50"""
                    .formatted(TICKET_COLUMNS);

    static final String MOVE_IDENTITIES = "UPDATE citizen_identity SET citizen_id = ? WHERE citizen_id = ?";

    static final String MOVE_TICKETS = "UPDATE ticket SET citizen_id = ? WHERE citizen_id = ?";

    static final String RETIRE = "UPDATE citizen SET merged_into = ?, updated_at = ? WHERE id = ?";

    static final String FILL_CONTACT =
            "UPDATE citizen SET name = COALESCE(name, ?), phone = COALESCE(phone, ?), updated_at = ? WHERE id = ?";

    static final String INSERT_CITIZEN =
            "INSERT INTO citizen (name, phone, created_at, updated_at) VALUES (?, ?, ?, ?)";

    static final String MOVE_IDENTITY = "UPDATE citizen_identity SET citizen_id = ? WHERE id = ? AND citizen_id = ?";

    static final String MOVE_TICKET = "UPDATE ticket SET citizen_id = ? WHERE ticket_no = ? AND citizen_id = ?";

    static final String TAKE_CONTACT =
            """
            UPDATE citizen SET updated_at = ?, phone = (SELECT t.citizen_phone FROM ticket t
                WHERE t.citizen_id = ? AND t.citizen_phone IS NOT NULL ORDER BY t.id DESC LIMIT 1)
            WHERE id = ?""";

    static final String LINK_IDENTITY =
            """
            INSERT INTO citizen_identity (citizen_id, kind, identifier, verified, source, created_at)
            VALUES (?, ?, ?, 1, 'agent', ?)""";

    private CitizenSql() {}
}
