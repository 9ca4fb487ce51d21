package cn.hotline12345.hub.sla;

final class SlaSql {

    static final String POLICIES =
            """
            SELECT id, request_type, urgency, category, area_code, accept_limit, accept_unit, reply_limit, reply_unit,
                follow_up_limit, follow_up_unit, return_window_days, max_extension_days, warn_share
            FROM sla_policy ORDER BY id""";

    static final String STAMP = "SELECT COUNT(*), MAX(updated_at) FROM sla_policy";

    static final String UPSERT =
            """
            INSERT INTO sla_policy (request_type, urgency, category, area_code, accept_limit, accept_unit, reply_limit,
                reply_unit, follow_up_limit, follow_up_unit, return_window_days, max_extension_days, warn_share,
                updated_by, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE accept_limit = VALUES(accept_limit), accept_unit = VALUES(accept_unit),
                reply_limit = VALUES(reply_limit), reply_unit = VALUES(reply_unit),
                follow_up_limit = VALUES(follow_up_limit), follow_up_unit = VALUES(follow_up_unit),
                return_window_days = VALUES(return_window_days), max_extension_days = VALUES(max_extension_days),
                warn_share = VALUES(warn_share), updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)""";

    static final String FIND_SCOPE =
            """
            SELECT id FROM sla_policy WHERE request_type <=> ? AND urgency <=> ? AND category <=> ? AND area_code <=> ?""";

    static final String DELETE = "DELETE FROM sla_policy WHERE id = ?";

    private SlaSql() {}
}
