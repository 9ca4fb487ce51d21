package cn.hotline12345.hub.directory;

final class DirectorySql {

    static final String DEPARTMENTS =
            """
            SELECT id, code, name, kind, parent_id, contact_name, contact_phone, aliases, active
            FROM department ORDER BY id""";

    static final String AREAS =
            """
            SELECT code, name, level, parent_code, aliases FROM area
            ORDER BY FIELD(level, 'DISTRICT', 'STREET', 'COMMUNITY'), code""";

    static final String DEPARTMENT_COUNT = "SELECT COUNT(*) FROM department";

    static final String STAMP =
            """
            SELECT (SELECT COUNT(*) FROM department), (SELECT MAX(updated_at) FROM department),
                (SELECT COUNT(*) FROM area), (SELECT MAX(updated_at) FROM area)""";

    static final String UPSERT_DEPARTMENT =
            """
            INSERT INTO department (code, name, kind, parent_id, contact_name, contact_phone, aliases, active,
                created_at, updated_at)
            VALUES (?, ?, ?, (SELECT p.id FROM department p WHERE p.code = ?), ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE name = VALUES(name), kind = VALUES(kind), parent_id = VALUES(parent_id),
                contact_name = VALUES(contact_name), contact_phone = VALUES(contact_phone), aliases = VALUES(aliases),
                active = VALUES(active), updated_at = VALUES(updated_at)""";

    static final String UPSERT_AREA =
            """
            INSERT INTO area (code, name, level, parent_code, aliases, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE name = VALUES(name), level = VALUES(level), parent_code = VALUES(parent_code),
                aliases = VALUES(aliases), updated_at = VALUES(updated_at)""";

    private DirectorySql() {}
}
