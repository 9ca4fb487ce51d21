package cn.hotline12345.hub.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextClassifierTest {

    private static final List<LabelledText> SAMPLES = List.of(
            new LabelledText("楼下烧烤店油烟太大，熏得没法开窗", "环境保护", 1),
            new LabelledText("工地半夜施工噪音扰民", "环境保护", 2),
            new LabelledText("河里有人偷排污水，发黑发臭", "环境保护", 3),
            new LabelledText("公交车到站不停，等了一个小时", "交通运输", 4),
            new LabelledText("出租车司机绕路多收钱", "交通运输", 5),
            new LabelledText("路口红绿灯坏了，车辆乱成一团", "交通运输", 6));

    @Test
    void learnsFromATinySampleAndRanksTheTopThree() {
        TextClassifier classifier = ClassifierTrainer.train(SAMPLES, ClassifierTrainer.Settings.DEFAULT, "category");

        Classification result = classifier.classify("公交车司机开车太猛");

        assertThat(result.label()).isEqualTo("交通运输");
        assertThat(result.confidence()).isBetween(0.5, 1.0);
        assertThat(result.top()).hasSize(2);
        assertThat(result.modelVersion()).startsWith("category-");
        assertThat(classifier.classify("").label()).isIn("交通运输", "环境保护");
    }

    @Test
    void aSavedModelLoadsWithItsFeaturesAndVersion() throws IOException {
        TextClassifier trained = ClassifierTrainer.train(
                SAMPLES,
                new ClassifierTrainer.Settings(Features.parse("words+char1-2"), "NAIVEBAYES", 10, 1),
                "category");

        TextClassifier loaded = TextClassifier.load(new ByteArrayInputStream(trained.toBytes()));

        assertThat(loaded.version()).isEqualTo(trained.version());
        assertThat(loaded.features().describe()).isEqualTo("words+char1-2");
        assertThat(loaded.classify("烧烤油烟").label()).isEqualTo("环境保护");
    }

    @Test
    void anEnsembleAveragesItsMembersAndSurvivesSaveAndLoad() throws IOException {
        TextClassifier ensemble = ClassifierTrainer.train(
                SAMPLES, new ClassifierTrainer.Settings(Features.DEFAULT, "ENSEMBLE", 30, 1), "category");

        TextClassifier loaded = TextClassifier.load(new ByteArrayInputStream(ensemble.toBytes()));

        assertThat(ensemble.describe()).contains("MAXENT_QN char1-2", "NAIVEBAYES char1-2", "MAXENT_QN words");
        assertThat(loaded.describe()).isEqualTo(ensemble.describe());
        assertThat(loaded.version()).isEqualTo(ensemble.version());
        assertThat(loaded.target()).isEqualTo("category");
        Classification result = loaded.classify("公交车司机开车太猛");
        assertThat(result.label()).isEqualTo("交通运输");
        assertThat(result.top().stream()
                        .mapToDouble(Classification.Scored::score)
                        .sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void refusesASingleLabel() {
        assertThatThrownBy(() -> ClassifierTrainer.train(
                        List.of(new LabelledText("a", "x", 1), new LabelledText("b", "x", 2)),
                        ClassifierTrainer.Settings.DEFAULT,
                        "category"))
                .hasMessageContaining("two different labels");
    }

    @Test
    void evaluationCountsPerClassAndConfusion() {
        TextClassifier classifier = ClassifierTrainer.train(SAMPLES, ClassifierTrainer.Settings.DEFAULT, "category");

        Evaluation evaluation = Evaluation.of(classifier, SAMPLES);

        assertThat(evaluation.accuracy()).isEqualTo(1.0);
        assertThat(evaluation.macroF1()).isEqualTo(1.0);
        assertThat(evaluation.confusion().get("交通运输").get("交通运输")).isEqualTo(3);
        assertThat(evaluation
                        .toJson()
                        .getJsonObject("perClass")
                        .getJsonObject("环境保护")
                        .getInteger("support"))
                .isEqualTo(3);
    }

    @Test
    void badFilesNameTheLine(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.jsonl");
        Files.writeString(
                missing, "{\"text\":\"路灯坏了\",\"label\":\"城乡建设\"}\n{\"text\":\"噪音\"}\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LabelledFile.read(missing, "text", "label"))
                .hasMessageContaining("line 2")
                .hasMessageContaining("missing field 'label'");

        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "text,label\n\"路灯坏了\",城乡建设\n\" \",环境保护\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LabelledFile.read(empty, "text", "label"))
                .hasMessageContaining("line 3")
                .hasMessageContaining("empty text");

        Path broken = dir.resolve("broken.jsonl");
        Files.write(broken, new byte[] {'{', '}', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
        assertThatThrownBy(() -> LabelledFile.read(broken, "text", "label"))
                .hasMessageContaining("line 2")
                .hasMessageContaining("UTF-8");
    }

    @Test
    void readsCsvWithQuotedCommasAndLineBreaks(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("orders.csv");
        Files.writeString(
                csv,
                "\uFEFFid,text,label\n1,\"路灯坏了，很黑\",城乡建设\n2,\"第一行\n第二行 \"\"引号\"\"\",环境保护\n",
                StandardCharsets.UTF_8);

        List<LabelledText> rows = LabelledFile.read(csv, "text", "label");

        assertThat(rows).extracting(LabelledText::label).containsExactly("城乡建设", "环境保护");
        assertThat(rows.get(1).text()).isEqualTo("第一行\n第二行 \"引号\"");
        assertThat(rows.get(1).line()).isEqualTo(3);
    }
}
