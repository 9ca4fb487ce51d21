package cn.hotline12345.hub.classify;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trained models in MySQL ({@code classifier_model}), each with its evaluation report; one active model per target,
 * the previous one restorable. Also the agents' corrections ({@code classification_correction}) used for retraining.
 */
public final class ModelRegistry {

    private final Pool pool;
    private final Clock clock;

    public ModelRegistry(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** Stores a trained model with its evaluation; it is not active until {@link #activate}. */
    public Future<Void> store(TextClassifier classifier, String settings, int examples, Evaluation evaluation) {
        return pool.preparedQuery(ModelRegistrySql.INSERT_MODEL)
                .execute(Tuple.of(
                        classifier.target(),
                        classifier.version(),
                        Buffer.buffer(classifier.toBytes()),
                        settings,
                        examples,
                        evaluation.toJson().encode(),
                        now()))
                .mapEmpty();
    }

    /** Makes {@code version} the active model of its target; the one active before becomes restorable. */
    public Future<String> activate(String version) {
        return pool.withTransaction(conn -> conn.preparedQuery(ModelRegistrySql.TARGET_OF_VERSION)
                .execute(Tuple.of(version))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.failedFuture(new IllegalArgumentException("No model version " + version));
                    }
                    String target = rows.iterator().next().getString("target");
                    return conn.preparedQuery(ModelRegistrySql.DEACTIVATE_TARGET)
                            .execute(Tuple.of(target))
                            .compose(done -> conn.preparedQuery(ModelRegistrySql.ACTIVATE_VERSION)
                                    .execute(Tuple.of(now(), version, target)))
                            .map(target);
                }));
    }

    /** Activates the model that was active before the current one; fails if there is none. */
    public Future<String> restorePrevious(String target) {
        return pool.preparedQuery(ModelRegistrySql.PREVIOUSLY_ACTIVE)
                .execute(Tuple.of(target))
                .compose(rows -> rows.size() == 0
                        ? Future.failedFuture(
                                new IllegalArgumentException("No earlier " + target + " model to restore"))
                        : activate(rows.iterator().next().getString("version"))
                                .map(rows.iterator().next().getString("version")));
    }

    /** Deactivates the target's model, so hubs go back to the shipped default model. */
    public Future<Void> deactivate(String target) {
        return pool.preparedQuery(ModelRegistrySql.DEACTIVATE_ALL_OF_TARGET)
                .execute(Tuple.of(target))
                .mapEmpty();
    }

    /** The active version per target ({@code type}, {@code category}); targets without one are absent. */
    public Future<Map<String, String>> activeVersions() {
        return pool.query(ModelRegistrySql.ACTIVE_VERSIONS).execute().map(rows -> {
            Map<String, String> active = new HashMap<>();
            rows.forEach(row -> active.put(row.getString("target"), row.getString("version")));
            return active;
        });
    }

    /** The bytes of a stored model; deserialise them off the event loop with {@link TextClassifier#load}. */
    public Future<byte[]> modelBytes(String version) {
        return pool.preparedQuery(ModelRegistrySql.MODEL_BYTES)
                .execute(Tuple.of(version))
                .compose(rows -> rows.size() == 0
                        ? Future.failedFuture(new IllegalArgumentException("No model version " + version))
                        : Future.succeededFuture(
                                rows.iterator().next().getBuffer("model").getBytes()));
    }

    /** Every stored model, newest first, with its held-out macro-F1. */
    public Future<List<JsonObject>> list() {
        return pool.query(ModelRegistrySql.LIST_MODELS).execute().map(rows -> {
            List<JsonObject> models = new ArrayList<>();
            for (Row row : rows) {
                models.add(new JsonObject()
                        .put("target", row.getString("target"))
                        .put("version", row.getString("version"))
                        .put("settings", row.getString("settings"))
                        .put("examples", row.getInteger("examples"))
                        .put(
                                "macroF1",
                                row.getString("macro_f1") == null ? null : Double.valueOf(row.getString("macro_f1")))
                        .put("active", row.getBoolean("active"))
                        .put("createdAt", String.valueOf(row.getLocalDateTime("created_at")))
                        .put(
                                "activatedAt",
                                row.getLocalDateTime("activated_at") == null
                                        ? null
                                        : String.valueOf(row.getLocalDateTime("activated_at"))));
            }
            return models;
        });
    }

    /** The evaluation report stored with a model. */
    public Future<JsonObject> evaluation(String version) {
        return pool.preparedQuery(ModelRegistrySql.EVALUATION_OF_VERSION)
                .execute(Tuple.of(version))
                .compose(rows -> rows.size() == 0
                        ? Future.failedFuture(new IllegalArgumentException("No model version " + version))
                        : Future.succeededFuture(
                                new JsonObject(rows.iterator().next().getString("evaluation"))));
    }

    /** The latest correction of every corrected ticket, labelled for {@code target}. */
    public Future<List<LabelledText>> corrections(ShippedModels.Target target) {
        return pool.query(ModelRegistrySql.CORRECTIONS).execute().map(rows -> {
            List<LabelledText> examples = new ArrayList<>();
            for (Row row : rows) {
                String label =
                        target == ShippedModels.Target.TYPE ? row.getString("request_type") : row.getString("category");
                examples.add(new LabelledText(row.getString("text"), label, 0));
            }
            return examples;
        });
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
