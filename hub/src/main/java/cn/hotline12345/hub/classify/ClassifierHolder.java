package cn.hotline12345.hub.classify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.ByteArrayInputStream;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classifiers in force in this hub. Starts with the shipped models, and every few seconds swaps in the models
 * marked active in the database, so a model activated from the CLI or another instance takes effect without restart.
 */
public final class ClassifierHolder {

    private static final Logger log = LoggerFactory.getLogger(ClassifierHolder.class);

    private final ModelRegistry registry;
    private final Classifiers shipped;
    private volatile Classifiers current;

    public ClassifierHolder(ModelRegistry registry, Classifiers shipped) {
        this.registry = registry;
        this.shipped = shipped;
        this.current = shipped;
    }

    /** The models to use now. */
    public Classifiers current() {
        return current;
    }

    /** Loads the active models now, then checks again every {@code periodMillis}. */
    public Future<Void> follow(Vertx vertx, long periodMillis) {
        return refresh(vertx)
                .onSuccess(done -> vertx.setPeriodic(periodMillis, id -> refresh(vertx)
                        .onFailure(failure -> log.warn("Could not check the active classifier models", failure))));
    }

    /** Swaps in the active database models if they changed. */
    public Future<Void> refresh(Vertx vertx) {
        return registry.activeVersions().compose(active -> {
            String category = active.get(ShippedModels.Target.CATEGORY.field());
            String type = active.get(ShippedModels.Target.TYPE.field());
            Classifiers now = current;
            boolean sameCategory = category == null
                    ? now.category() == shipped.category()
                    : category.equals(now.category().version());
            boolean sameType = type == null
                    ? now.type() == shipped.type()
                    : type.equals(now.type().version());
            if (sameCategory && sameType) {
                return Future.succeededFuture();
            }
            Future<TextClassifier> categoryModel = category == null
                    ? Future.succeededFuture(shipped.category())
                    : loaded(vertx, category, now.category());
            Future<TextClassifier> typeModel =
                    type == null ? Future.succeededFuture(shipped.type()) : loaded(vertx, type, now.type());
            return Future.all(categoryModel, typeModel).map(both -> {
                current = new Classifiers(typeModel.result(), categoryModel.result(), shipped.triageBelow());
                log.info(
                        "Classifier models now {} and {}",
                        current.category().version(),
                        current.type().version());
                return null;
            });
        });
    }

    private Future<TextClassifier> loaded(Vertx vertx, String version, TextClassifier inUse) {
        if (version.equals(inUse.version())) {
            return Future.succeededFuture(inUse);
        }
        return registry.modelBytes(version)
                .compose(bytes -> vertx.executeBlocking(() -> TextClassifier.load(new ByteArrayInputStream(bytes))));
    }

    /** The active versions in the database, for status pages. */
    public Future<Map<String, String>> activeVersions() {
        return registry.activeVersions();
    }
}
