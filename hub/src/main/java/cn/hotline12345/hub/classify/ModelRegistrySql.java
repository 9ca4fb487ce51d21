package cn.hotline12345.hub.classify;

final class ModelRegistrySql {

    static final String INSERT_MODEL =
            """
            INSERT INTO classifier_model (target, version, model, settings, examples, evaluation, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    static final String DEACTIVATE_TARGET =
            """
            UPDATE classifier_model SET active = 0 WHERE target = ? AND active = 1""";

    static final String DEACTIVATE_ALL_OF_TARGET =
            """
            UPDATE classifier_model SET active = 0 WHERE target = ?""";

    static final String ACTIVATE_VERSION =
            """
            UPDATE classifier_model SET active = 1, activated_at = ? WHERE version = ? AND target = ?""";

    static final String TARGET_OF_VERSION = """
            SELECT target FROM classifier_model WHERE version = ?""";

    static final String ACTIVE_VERSIONS =
            """
            SELECT target, version FROM classifier_model WHERE active = 1""";

    static final String MODEL_BYTES = """
            SELECT model FROM classifier_model WHERE version = ?""";

    static final String LIST_MODELS =
            """
            SELECT target, version, settings, examples, active, created_at, activated_at,
                JSON_VALUE(evaluation, '$.macroF1') AS macro_f1
            FROM classifier_model ORDER BY created_at DESC""";

    static final String EVALUATION_OF_VERSION =
            """
            SELECT evaluation FROM classifier_model WHERE version = ?""";

    static final String PREVIOUSLY_ACTIVE =
            """
            SELECT version FROM classifier_model
            WHERE target = ? AND active = 0 AND activated_at IS NOT NULL
            ORDER BY activated_at DESC LIMIT 1""";

    static final String CORRECTIONS =
            """
            SELECT c.text, c.request_type, c.category FROM classification_correction c
            JOIN (SELECT ticket_id, MAX(id) AS id FROM classification_correction GROUP BY ticket_id) latest
              ON latest.id = c.id
            ORDER BY c.id""";

    private ModelRegistrySql() {}
}
