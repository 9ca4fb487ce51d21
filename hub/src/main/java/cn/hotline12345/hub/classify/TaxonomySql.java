package cn.hotline12345.hub.classify;

final class TaxonomySql {

    static final String ACTIVE =
            """
            SELECT version, document FROM taxonomy_version WHERE active = 1 ORDER BY version DESC LIMIT 1""";

    static final String LOCK_LATEST = """
            SELECT MAX(version) FROM taxonomy_version FOR UPDATE""";

    static final String DEACTIVATE = """
            UPDATE taxonomy_version SET active = 0 WHERE active = 1""";

    static final String INSERT =
            """
            INSERT INTO taxonomy_version (version, document, active, created_by, note, created_at)
            VALUES (?, ?, 1, ?, ?, ?)""";

    static final String HISTORY =
            """
            SELECT version, active, created_by, note, created_at FROM taxonomy_version ORDER BY version DESC""";

    private TaxonomySql() {}
}
