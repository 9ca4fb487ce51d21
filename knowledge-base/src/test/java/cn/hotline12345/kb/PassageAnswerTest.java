package cn.hotline12345.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Policy documents split into articles and clauses, and answered from with a citation. */
class PassageAnswerTest {

    private static final String TEXT = "第一章 总则\n第一条 为规范犬只饲养管理，制定本办法。\n第二章 登记\n"
            + "第五条 饲养犬只的居民应当在取得犬只后三十日内到所在地派出所办理犬只登记，并为犬只接种狂犬病疫苗。\n"
            + "第六条 犬只登记证每年年检一次。";

    @Test
    void splitsArticlesWithTheirChapters() {
        List<PolicyDocuments.Part> parts = PolicyDocuments.split(TEXT);
        assertThat(parts).extracting(PolicyDocuments.Part::label).containsExactly("第一章 第一条", "第二章 第五条", "第二章 第六条");
        assertThat(PolicyDocuments.citation("青溪县宠物犬只登记管理办法", "青政发〔2026〕9号", "第五条"))
                .isEqualTo("《青溪县宠物犬只登记管理办法》（青政发〔2026〕9号）第五条");
    }

    @Test
    void answersFromAPassageWhenNoEntryCoversTheQuestion() throws Exception {
        AtomicLong ids = new AtomicLong();
        List<KbEntry> entries = EntryFiles.starter().stream()
                .map(e -> e.withId(ids.incrementAndGet()))
                .toList();
        List<Passage> passages = new ArrayList<>();
        long pid = 1;
        for (PolicyDocuments.Part part : PolicyDocuments.split(TEXT)) {
            passages.add(new Passage(
                    pid++,
                    7,
                    part.label(),
                    part.text(),
                    PolicyDocuments.citation("青溪县宠物犬只登记管理办法", "青政发〔2026〕9号", part.label())));
        }
        try (KnowledgeIndex index = new KnowledgeIndex(Synonyms.shipped())) {
            index.rebuild(Synonyms.shipped(), entries, List.of());
            index.putPassages(7, passages);
            Answer answer = index.ask("养了狗要去哪里办理犬只登记", LocalDate.of(2026, 11, 22));
            assertThat(answer.passage()).as(answer.toJson().encode()).isNotNull();
            assertThat(answer.passage().getString("citation")).contains("第五条");
            assertThat(answer.answer()).contains("派出所");
        }
    }
}
