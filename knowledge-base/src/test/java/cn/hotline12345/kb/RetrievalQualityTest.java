package cn.hotline12345.kb;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Retrieval quality on questions written the way citizens ask (colloquial, everyday words, details left out, typos),
 * none of them among the entries' own phrasings, plus unrelated questions that must be refused.
 */
class RetrievalQualityTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    private static KnowledgeIndex index;
    private static List<KbEntry> entries;

    @BeforeAll
    static void build() {
        AtomicLong ids = new AtomicLong();
        entries = EntryFiles.starter().stream()
                .map(e -> e.withId(ids.incrementAndGet()))
                .toList();
        index = new KnowledgeIndex(Synonyms.shipped());
        index.rebuild(Synonyms.shipped(), entries, List.of());
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    private static List<JsonObject> evalSet() throws IOException {
        try (InputStream in =
                RetrievalQualityTest.class.getClassLoader().getResourceAsStream("kb/eval-questions.jsonl")) {
            List<JsonObject> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    lines.add(new JsonObject(line));
                }
            }
            return lines;
        }
    }

    @Test
    void answersParaphrasedQuestionsAndRefusesUnrelatedOnes() throws IOException {
        int answerable = 0;
        int top1 = 0;
        int answeredCorrectly = 0;
        int unrelated = 0;
        int refused = 0;
        List<String> misses = new ArrayList<>();
        for (JsonObject line : evalSet()) {
            Answer answer = index.ask(line.getString("ask"), DAY);
            String expected = line.getString("expected");
            if (expected == null) {
                unrelated++;
                if (!answer.answered()) {
                    refused++;
                } else {
                    misses.add("answered unrelated: " + line.getString("ask") + " -> " + answer.question());
                }
                continue;
            }
            answerable++;
            String best = answer.answered()
                    ? answer.question()
                    : answer.alternatives().isEmpty()
                            ? null
                            : answer.alternatives().get(0).question();
            if (expected.equals(best)) {
                top1++;
                if (answer.answered()) {
                    answeredCorrectly++;
                }
            } else {
                misses.add("miss: " + line.getString("ask") + " -> " + best + " (want " + expected + ")");
            }
        }
        double accuracy = (double) top1 / answerable;
        double answeredAccuracy = (double) answeredCorrectly / answerable;
        double refusal = (double) refused / unrelated;
        System.out.printf(
                "KB retrieval: top-1 %.3f (%d/%d), answered and right %.3f, refused unrelated %.3f (%d/%d)%n",
                accuracy, top1, answerable, answeredAccuracy, refusal, refused, unrelated);
        misses.stream().limit(60).forEach(System.out::println);
        assertThat(accuracy).isGreaterThan(0.6);
        assertThat(answeredAccuracy).isGreaterThan(0.4);
        assertThat(refusal).isGreaterThan(0.75);
    }

    @Test
    void colloquialOpeningsSynonymsAndTyposStillFindTheEntry() {
        Answer answer = index.ask("你好，我想问一下公基金怎么取出来啊，谢谢", DAY);
        assertThat(answer.answered()).isTrue();
        assertThat(answer.question()).contains("住房公积金");
        assertThat(answer.source()).isNotNull();
        Answer none = index.ask("明天天气怎么样", DAY);
        assertThat(none.answered()).isFalse();
        assertThat(none.answer()).contains("人工");
    }
}
