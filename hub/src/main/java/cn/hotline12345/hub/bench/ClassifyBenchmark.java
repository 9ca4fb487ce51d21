package cn.hotline12345.hub.bench;

import cn.hotline12345.hub.classify.LabelledText;
import cn.hotline12345.hub.classify.ShippedModels;
import cn.hotline12345.hub.classify.TextClassifier;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/** Model load time, and classifications per second on one thread over the held-out corpus. */
public final class ClassifyBenchmark {

    private ClassifyBenchmark() {}

    /** Loads the model with {@code loader} (timed), then classifies held-out texts for {@code seconds}. */
    public static JsonObject run(Supplier<TextClassifier> loader, ShippedModels.Target target, int seconds) {
        long loadStart = System.nanoTime();
        TextClassifier classifier = loader.get();
        long loadNanos = System.nanoTime() - loadStart;
        List<String> texts =
                ShippedModels.heldOut(target).stream().map(LabelledText::text).toList();
        long firstStart = System.nanoTime();
        classifier.classify(texts.get(0));
        long firstNanos = System.nanoTime() - firstStart;
        long warmupEnd = System.nanoTime() + 3_000_000_000L;
        int i = 0;
        while (System.nanoTime() < warmupEnd) {
            classifier.classify(texts.get(i++ % texts.size()));
        }
        long[] latencies = new long[4_000_000];
        int count = 0;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long now = start;
        while (now < end && count < latencies.length) {
            classifier.classify(texts.get(count % texts.size()));
            long after = System.nanoTime();
            latencies[count++] = after - now;
            now = after;
        }
        double elapsed = (now - start) / 1e9;
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        double meanChars = texts.stream().mapToInt(String::length).average().orElse(0);
        return new JsonObject()
                .put("model", classifier.version())
                .put("features", classifier.features().describe())
                .put("loadMillis", Math.round(loadNanos / 1e4) / 100.0)
                .put("firstClassificationMillis", Math.round(firstNanos / 1e4) / 100.0)
                .put("texts", texts.size())
                .put("meanChars", Math.round(meanChars))
                .put("classifications", count)
                .put("perSecondOneThread", Math.round(count / elapsed))
                .put("p50Micros", Math.round(sorted[count / 2] / 100.0) / 10.0)
                .put("p99Micros", Math.round(sorted[(int) (count * 0.99)] / 100.0) / 10.0);
    }
}
