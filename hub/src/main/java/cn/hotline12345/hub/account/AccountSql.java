package cn.hotline12345.hub.account;

final class AccountSql {

    static final String USER_BY_USERNAME =
            """
            SELECT id, username, display_name, password_hash, role, department_id, can_unmask, active, extension
            FROM staff_user WHERE username = ?""";

    static final String INSERT_USER =
            """
            INSERT INTO staff_user (username, display_name, password_hash, role, department_id, can_unmask, active,
                created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)""";

    static final String LIST_USERS =
            """
            SELECT id, username, display_name, role, department_id, can_unmask, active, extension, created_at
            FROM staff_user ORDER BY username""";

    static final String UPDATE_USER =
            """
            UPDATE staff_user SET display_name = COALESCE(?, display_name), role = COALESCE(?, role),
                department_id = ?, can_unmask = COALESCE(?, can_unmask), active = COALESCE(?, active),
                password_hash = COALESCE(?, password_hash),
                updated_at = ?
            WHERE username = ?""";

    static final String SET_EXTENSION = "UPDATE staff_user SET extension = ? WHERE username = ?";

    private AccountSql() {}
}
