package cn.hotline12345.hub.classify;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How well a model labels a set of examples: accuracy, macro-F1, per-class precision/recall/F1 and the confusion
 * matrix (gold label → predicted label → count).
 *
 * @param examples how many examples were classified
 * @param accuracy share classified correctly
 * @param macroF1 mean F1 over the gold labels
 * @param perClass precision, recall, F1 and support of each label
 * @param confusion counts by gold and predicted label
 */
public record Evaluation(
        int examples,
        double accuracy,
        double macroF1,
        Map<String, ClassScore> perClass,
        Map<String, Map<String, Integer>> confusion) {

    /**
     * Scores of one label.
     *
     * @param precision share of predictions of this label that were right
     * @param recall share of this label's examples found
     * @param f1 harmonic mean of the two
     * @param support examples with this gold label
     */
    public record ClassScore(double precision, double recall, double f1, int support) {}

    /** Classifies every example with {@code classifier} and scores the result. */
    public static Evaluation of(TextClassifier classifier, List<LabelledText> examples) {
        Map<String, Map<String, Integer>> confusion = new TreeMap<>();
        int correct = 0;
        for (LabelledText example : examples) {
            String predicted = classifier.classify(example.text()).label();
            confusion.computeIfAbsent(example.label(), k -> new TreeMap<>()).merge(predicted, 1, Integer::sum);
            if (predicted.equals(example.label())) {
                correct++;
            }
        }
        TreeSet<String> labels = new TreeSet<>(confusion.keySet());
        confusion.values().forEach(row -> labels.addAll(row.keySet()));
        Map<String, ClassScore> perClass = new TreeMap<>();
        double f1Sum = 0;
        for (String label : labels) {
            int truePositive = confusion.getOrDefault(label, Map.of()).getOrDefault(label, 0);
            int support = confusion.getOrDefault(label, Map.of()).values().stream()
                    .mapToInt(Integer::intValue)
                    .sum();
            int predicted = confusion.values().stream()
                    .mapToInt(row -> row.getOrDefault(label, 0))
                    .sum();
            double precision = predicted == 0 ? 0 : (double) truePositive / predicted;
            double recall = support == 0 ? 0 : (double) truePositive / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.put(label, new ClassScore(precision, recall, f1, support));
            if (support > 0) {
                f1Sum += f1;
            }
        }
        long goldLabels =
                perClass.values().stream().filter(s -> s.support() > 0).count();
        return new Evaluation(
                examples.size(),
                examples.isEmpty() ? 0 : (double) correct / examples.size(),
                goldLabels == 0 ? 0 : f1Sum / goldLabels,
                perClass,
                confusion);
    }

    /** As one JSON document: {@code accuracy}, {@code macroF1}, {@code perClass} and {@code confusion}. */
    public JsonObject toJson() {
        JsonObject classes = new JsonObject();
        perClass.forEach((label, s) -> classes.put(
                label,
                new JsonObject()
                        .put("precision", round(s.precision()))
                        .put("recall", round(s.recall()))
                        .put("f1", round(s.f1()))
                        .put("support", s.support())));
        JsonObject matrix = new JsonObject();
        confusion.forEach((gold, row) -> {
            JsonObject predicted = new JsonObject();
            row.forEach(predicted::put);
            matrix.put(gold, predicted);
        });
        return new JsonObject()
                .put("examples", examples)
                .put("accuracy", round(accuracy))
                .put("macroF1", round(macroF1))
                .put("perClass", classes)
                .put("confusion", matrix);
    }

    private static double round(double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }
}
