package cn.hotline12345.hub.kb;

final class KbSql {

    static final String ENTRY_COLUMNS =
            """
            id, question, similar, answer, category, department, source, document_id, valid_from, valid_to, status,
                version""";

    static final String ENTRIES = "SELECT " + ENTRY_COLUMNS + " FROM kb_entry ORDER BY id";

    static final String ENTRIES_BY_STATUS = "SELECT " + ENTRY_COLUMNS + " FROM kb_entry WHERE (? IS NULL OR status = ?)"
            + " AND (? IS NULL OR INSTR(question, ?) > 0 OR INSTR(answer, ?) > 0 OR INSTR(similar, ?) > 0"
            + " OR INSTR(category, ?) > 0 OR INSTR(department, ?) > 0)"
            + " AND id > ? ORDER BY id LIMIT ?";

    static final String ENTRY = "SELECT " + ENTRY_COLUMNS + " FROM kb_entry WHERE id = ?";

    static final String LOCK_ENTRY = "SELECT " + ENTRY_COLUMNS + " FROM kb_entry WHERE id = ? FOR UPDATE";

    static final String COUNT_ENTRIES = "SELECT COUNT(*) FROM kb_entry";

    static final String INSERT_ENTRY =
            """
            INSERT INTO kb_entry (question, similar, answer, category, department, source, document_id, valid_from,
                valid_to, status, version, created_by, updated_by, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)""";

    static final String UPDATE_ENTRY =
            """
            UPDATE kb_entry SET question = ?, similar = ?, answer = ?, category = ?, department = ?, source = ?,
                document_id = ?, valid_from = ?, valid_to = ?, status = ?, version = version + 1, updated_by = ?,
                updated_at = ?
            WHERE id = ?""";

    static final String SET_STATUS =
            "UPDATE kb_entry SET status = ?, version = version + 1, updated_by = ?, updated_at = ? WHERE id = ?";

    static final String RETIRE_BY_DOCUMENT =
            """
            UPDATE kb_entry SET status = ?, version = version + 1, updated_by = ?, updated_at = ?
            WHERE document_id = ? AND status IN ('DRAFT', 'PENDING_REVIEW', 'PUBLISHED')""";

    static final String RETIRE_ALL =
            """
            UPDATE kb_entry SET status = 'REPEALED', version = version + 1, updated_by = ?, updated_at = ?
            WHERE status <> 'REPEALED'""";

    static final String ENTRY_IDS_OF_DOCUMENT = "SELECT id FROM kb_entry WHERE document_id = ?";

    static final String INSERT_VERSION =
            """
            INSERT INTO kb_entry_version (entry_id, version, action, snapshot, actor, note, created_at)
            SELECT id, version, ?, JSON_OBJECT('question', question, 'similar', JSON_EXTRACT(similar, '$'),
                    'answer', answer, 'category', category, 'department', department, 'status', status,
                    'validFrom', valid_from, 'validTo', valid_to, 'documentId', document_id),
                ?, ?, ?
            FROM kb_entry WHERE id = ?""";

    static final String VERSIONS =
            """
            SELECT version, action, snapshot, actor, note, created_at FROM kb_entry_version
            WHERE entry_id = ? ORDER BY id""";

    static final String INSERT_CHANGE = "INSERT INTO kb_change (kind, ref_id, created_at) VALUES (?, ?, ?)";

    static final String CHANGES_AFTER = "SELECT id, kind, ref_id FROM kb_change WHERE id > ? ORDER BY id LIMIT 1000";

    static final String LAST_CHANGE = "SELECT COALESCE(MAX(id), 0) FROM kb_change";

    static final String SYNONYMS = "SELECT content FROM kb_synonyms WHERE id = 1";

    static final String SAVE_SYNONYMS =
            """
            INSERT INTO kb_synonyms (id, content, updated_by, updated_at) VALUES (1, ?, ?, ?)
            ON DUPLICATE KEY UPDATE content = VALUES(content), updated_by = VALUES(updated_by),
                updated_at = VALUES(updated_at)""";

    static final String INSERT_DOCUMENT =
            """
            INSERT INTO kb_document (title, doc_no, issuer, published_on, index_no, link, status, content, created_by,
                created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?)""";

    static final String INSERT_PASSAGE = "INSERT INTO kb_passage (document_id, label, content) VALUES (?, ?, ?)";

    static final String DOCUMENTS =
            """
            SELECT d.id, d.title, d.doc_no, d.issuer, d.published_on, d.index_no, d.link, d.status, d.created_at,
                (SELECT COUNT(*) FROM kb_passage p WHERE p.document_id = d.id) AS passages,
                (SELECT COUNT(*) FROM kb_entry e WHERE e.document_id = d.id) AS entries
            FROM kb_document d ORDER BY d.id DESC""";

    static final String DOCUMENT = "SELECT id, title, doc_no, status FROM kb_document WHERE id = ?";

    static final String LOCK_DOCUMENT = "SELECT id, status FROM kb_document WHERE id = ? FOR UPDATE";

    static final String SET_DOCUMENT_STATUS = "UPDATE kb_document SET status = ?, updated_at = ? WHERE id = ?";

    static final String ACTIVE_PASSAGES =
            """
            SELECT p.id, p.document_id, p.label, p.content, d.title, d.doc_no FROM kb_passage p
            JOIN kb_document d ON d.id = p.document_id WHERE d.status = 'ACTIVE'""";

    static final String PASSAGES_OF_DOCUMENT =
            """
            SELECT p.id, p.document_id, p.label, p.content, d.title, d.doc_no FROM kb_passage p
            JOIN kb_document d ON d.id = p.document_id WHERE d.status = 'ACTIVE' AND d.id = ?""";

    static final String INSERT_QUERY =
            """
            INSERT INTO kb_query (question, answered, confidence, entry_id, channel, created_at)
            VALUES (?, ?, ?, ?, ?, ?)""";

    static final String FEEDBACK = "UPDATE kb_query SET helpful = ? WHERE id = ?";

    static final String GAP_QUESTIONS =
            """
            SELECT id, question, answered, confidence, entry_id, helpful, created_at FROM kb_query
            WHERE created_at >= ? AND (answered = 0 OR helpful = 0) ORDER BY id DESC LIMIT 5000""";

    private KbSql() {}
}
