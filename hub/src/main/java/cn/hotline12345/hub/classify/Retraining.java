package cn.hotline12345.hub.classify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Retrains a model on the shipped corpus plus the agents' corrections, evaluates it on the held-out corpus and the
 * held-out corrections, and stores it with its report; used by {@code hub train --from-db} and the admin API.
 */
public final class Retraining {

    private Retraining() {}

    /** Trains off the event loop; activates the new model when asked. Answers a summary with version and macro-F1. */
    public static Future<JsonObject> run(
            Vertx vertx,
            ModelRegistry registry,
            ShippedModels.Target target,
            ClassifierTrainer.Settings settings,
            boolean activate) {
        return registry.corrections(target)
                .compose(corrections -> vertx.executeBlocking(
                        () -> {
                            List<LabelledText> training = new ArrayList<>(ShippedModels.trainingSet(target));
                            List<LabelledText> heldOut = new ArrayList<>(ShippedModels.heldOut(target));
                            corrections.forEach(c -> (ShippedModels.isHeldOut(c.text()) ? heldOut : training).add(c));
                            TextClassifier classifier = ClassifierTrainer.train(training, settings, target.field());
                            return new Trained(
                                    classifier,
                                    Evaluation.of(classifier, heldOut),
                                    training.size(),
                                    corrections.size(),
                                    heldOut.size());
                        },
                        false))
                .compose(trained -> registry.store(
                                trained.classifier(), settings.describe(), trained.examples(), trained.evaluation())
                        .compose(stored -> activate
                                ? registry.activate(trained.classifier().version())
                                        .mapEmpty()
                                : Future.<Void>succeededFuture())
                        .map(done -> new JsonObject()
                                .put("version", trained.classifier().version())
                                .put("target", target.field())
                                .put("settings", settings.describe())
                                .put("examples", trained.examples())
                                .put("corrections", trained.corrections())
                                .put("heldOut", trained.heldOut())
                                .put("macroF1", Math.round(trained.evaluation().macroF1() * 10_000.0) / 10_000.0)
                                .put("accuracy", Math.round(trained.evaluation().accuracy() * 10_000.0) / 10_000.0)
                                .put("active", activate)));
    }

    private record Trained(
            TextClassifier classifier, Evaluation evaluation, int examples, int corrections, int heldOut) {}
}
