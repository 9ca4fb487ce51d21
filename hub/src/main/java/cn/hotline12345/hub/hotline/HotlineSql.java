package cn.hotline12345.hub.hotline;

final class HotlineSql {

    private static final String TICKET_OF_CALL =
            "(SELECT t.id FROM ticket t WHERE t.channel = 'hotline' AND t.external_id = ?)";

    static final String INSERT_ANSWERED =
            """
            INSERT INTO hotline_call (call_uuid, caller_number, agent_extension, answered_at, ticket_id, created_at,
                updated_at)
            VALUES (?, ?, ?, ?, %s, ?, ?)"""
                    .formatted(TICKET_OF_CALL);

    static final String FILL_IN_ANSWERED =
            """
            UPDATE hotline_call SET caller_number = COALESCE(caller_number, ?),
                agent_extension = COALESCE(agent_extension, ?), answered_at = COALESCE(answered_at, ?), updated_at = ?
            WHERE call_uuid = ?""";

    static final String UPSERT_ENDED =
            """
            INSERT INTO hotline_call (call_uuid, caller_number, agent_extension, answered_at, ended_at, duration_seconds,
                hangup_cause, recording_path, ticket_id, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, %s, ?, ?)
            ON DUPLICATE KEY UPDATE caller_number = COALESCE(hotline_call.caller_number, VALUES(caller_number)),
                agent_extension = COALESCE(hotline_call.agent_extension, VALUES(agent_extension)),
                answered_at = COALESCE(hotline_call.answered_at, VALUES(answered_at)),
                ended_at = VALUES(ended_at), duration_seconds = VALUES(duration_seconds),
                hangup_cause = VALUES(hangup_cause),
                recording_path = COALESCE(VALUES(recording_path), hotline_call.recording_path),
                ticket_id = COALESCE(hotline_call.ticket_id, VALUES(ticket_id)), updated_at = VALUES(updated_at)"""
                    .formatted(TICKET_OF_CALL);

    static final String ATTACH_TICKET =
            """
            UPDATE hotline_call SET ticket_id = ?, updated_at = ?
            WHERE call_uuid = ? AND ticket_id IS NULL""";

    private static final String COLUMNS =
            """
            call_uuid, caller_number, agent_extension, answered_at, ended_at, duration_seconds, hangup_cause,
                recording_path, ticket_id""";

    static final String CALL_BY_UUID = "SELECT " + COLUMNS + " FROM hotline_call WHERE call_uuid = ?";

    static final String CALLS_OF_TICKET =
            "SELECT " + COLUMNS + " FROM hotline_call WHERE ticket_id = ? ORDER BY answered_at, id";

    static final String USER_OF_EXTENSION = "SELECT username FROM staff_user WHERE extension = ? AND active = 1";

    private HotlineSql() {}
}
