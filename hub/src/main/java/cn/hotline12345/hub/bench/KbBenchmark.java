package cn.hotline12345.hub.bench;

import cn.hotline12345.kb.Answer;
import cn.hotline12345.kb.EntryFiles;
import cn.hotline12345.kb.EntryStatus;
import cn.hotline12345.kb.KbEntry;
import cn.hotline12345.kb.KnowledgeIndex;
import cn.hotline12345.kb.Synonyms;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Knowledge-base answering speed at a given size: the 230 starter entries, plus synthetic entries made from them with
 * other place names, services and details (so the index holds many near-duplicates, the hard case for candidate
 * ranking), asked the starter entries' own phrasings and colloquial variants round-robin on one thread. Reports build
 * time, heap in use, answers per second and latency percentiles.
 */
public final class KbBenchmark {

    private static final String[] PLACES = {"城关", "溪东", "溪西", "高新", "白石", "桃源", "龙潭", "云岭", "江南", "青溪"};
    private static final String[] OPENINGS = {"你好，请问", "我想问一下，", "麻烦问下，", "", "喂，我想咨询个事，"};
    private static final String[] ENDINGS = {"", "谢谢", "是吧", "要带什么材料", "在哪里办"};

    private KbBenchmark() {}

    /** Builds an index of {@code size} entries and asks it for {@code seconds} after a warm-up. */
    public static JsonObject run(int size, int seconds) {
        List<KbEntry> starter = EntryFiles.starter();
        Random random = new Random(12345);
        List<KbEntry> entries = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            KbEntry base = starter.get(i % starter.size());
            String question = i < starter.size()
                    ? base.question()
                    : PLACES[random.nextInt(PLACES.length)] + "第" + (i / starter.size()) + "项：" + base.question();
            entries.add(new KbEntry(
                    i + 1L,
                    question,
                    base.similar(),
                    base.answer() + (i < starter.size() ? "" : "（第" + i + "条）"),
                    base.category(),
                    base.department(),
                    base.source(),
                    null,
                    null,
                    null,
                    EntryStatus.PUBLISHED,
                    1));
        }
        List<String> questions = new ArrayList<>();
        for (KbEntry e : starter) {
            questions.add(
                    OPENINGS[random.nextInt(OPENINGS.length)] + e.question() + ENDINGS[random.nextInt(ENDINGS.length)]);
            e.similar().forEach(questions::add);
        }
        System.gc();
        long heapBefore = usedHeap();
        long started = System.nanoTime();
        try (KnowledgeIndex index = new KnowledgeIndex(Synonyms.shipped())) {
            index.rebuild(Synonyms.shipped(), entries, List.of());
            double buildSeconds = (System.nanoTime() - started) / 1e9;
            System.gc();
            long heapMb = (usedHeap() - heapBefore) / (1024 * 1024);
            LocalDate day = LocalDate.of(2026, 11, 22);
            long warmUntil = System.nanoTime() + 3_000_000_000L;
            int i = 0;
            while (System.nanoTime() < warmUntil) {
                index.ask(questions.get(i++ % questions.size()), day);
            }
            long[] latencies = new long[2_000_000];
            int n = 0;
            int answered = 0;
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long begin = System.nanoTime();
            while (System.nanoTime() < end && n < latencies.length) {
                long t0 = System.nanoTime();
                Answer answer = index.ask(questions.get(n % questions.size()), day);
                latencies[n++] = System.nanoTime() - t0;
                if (answer.answered()) {
                    answered++;
                }
            }
            double elapsed = (System.nanoTime() - begin) / 1e9;
            long[] sorted = Arrays.copyOf(latencies, n);
            Arrays.sort(sorted);
            return new JsonObject()
                    .put("entries", index.size())
                    .put("buildSeconds", Math.round(buildSeconds * 10) / 10.0)
                    .put("indexHeapMb", heapMb)
                    .put("questions", n)
                    .put("answeredShare", Math.round(1000.0 * answered / n) / 1000.0)
                    .put("answersPerSecond", Math.round(n / elapsed))
                    .put("p50Millis", millis(sorted[n / 2]))
                    .put("p99Millis", millis(sorted[(int) (n * 0.99)]))
                    .put("maxMillis", millis(sorted[n - 1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
