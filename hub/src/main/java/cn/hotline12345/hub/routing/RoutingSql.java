package cn.hotline12345.hub.routing;

final class RoutingSql {

    static final String LOCK_LATEST_VERSION = "SELECT MAX(version) FROM responsibility_list FOR UPDATE";

    static final String INSERT_LIST =
            """
            INSERT INTO responsibility_list (version, name, status, source, report, created_by, created_at)
            VALUES (?, ?, 'DRAFT', ?, ?, ?, ?)""";

    static final String INSERT_ROW =
            """
            INSERT INTO responsibility_row (list_id, row_no, category, subcategory, keywords, area_code, request_type,
                lead_department_id, co_department_ids, basis, effective_from, effective_to)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    static final String LISTS =
            """
            SELECT l.id, l.version, l.name, l.status, l.source, l.report, l.created_by, l.created_at, l.published_by,
                l.published_at, l.archived_at, (SELECT COUNT(*) FROM responsibility_row r WHERE r.list_id = l.id) AS row_count
            FROM responsibility_list l ORDER BY l.version DESC""";

    static final String LIST_BY_VERSION =
            """
            SELECT id, version, name, status, report, created_by, created_at, published_at
            FROM responsibility_list WHERE version = ?""";

    static final String PUBLISHED_LIST =
            """
            SELECT id, version, name, status, report, created_by, created_at, published_at
            FROM responsibility_list WHERE status = 'PUBLISHED'""";

    static final String PUBLISHED_VERSION =
            "SELECT COALESCE(MAX(version), 0) FROM responsibility_list WHERE status = 'PUBLISHED'";

    static final String ROWS_OF_LIST =
            """
            SELECT row_no, category, subcategory, keywords, area_code, request_type, lead_department_id,
                co_department_ids, basis, effective_from, effective_to
            FROM responsibility_row WHERE list_id = ? ORDER BY row_no""";

    static final String LOCK_LIST = "SELECT id, status FROM responsibility_list WHERE version = ? FOR UPDATE";

    static final String ARCHIVE_PUBLISHED =
            "UPDATE responsibility_list SET status = 'ARCHIVED', archived_at = ? WHERE status = 'PUBLISHED'";

    static final String PUBLISH =
            """
            UPDATE responsibility_list SET status = 'PUBLISHED', published_by = ?, published_at = ?, archived_at = NULL
            WHERE id = ?""";

    static final String RECENT_TICKETS =
            """
            SELECT ticket_no, title, content, request_type, category, subcategory, area_code, lead_department_id
            FROM ticket WHERE created_at >= ? AND category IS NOT NULL ORDER BY id DESC LIMIT ?""";

    private RoutingSql() {}
}
