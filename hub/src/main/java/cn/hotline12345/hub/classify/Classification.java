package cn.hotline12345.hub.classify;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What a model said about one text.
 *
 * @param label the best label
 * @param confidence its probability, 0–1
 * @param top the three best labels with their probabilities, best first
 * @param modelVersion the version of the model that decided
 */
public record Classification(String label, double confidence, List<Scored> top, String modelVersion) {

    /**
     * A label and its probability.
     *
     * @param label the label
     * @param score the probability, 0–1
     */
    public record Scored(String label, double score) {}

    /** As JSON: {@code label}, {@code confidence}, {@code top} and {@code modelVersion}. */
    public JsonObject toJson() {
        JsonArray best = new JsonArray();
        top.forEach(s -> best.add(new JsonObject().put("label", s.label()).put("score", round(s.score()))));
        return new JsonObject()
                .put("label", label)
                .put("confidence", round(confidence))
                .put("top", best)
                .put("modelVersion", modelVersion);
    }

    private static double round(double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }
}
