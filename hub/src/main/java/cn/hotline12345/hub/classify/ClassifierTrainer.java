package cn.hotline12345.hub.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/** Trains OpenNLP document categorizers on labelled Chinese texts. */
public final class ClassifierTrainer {

    /**
     * How to train.
     *
     * @param features the feature setting
     * @param algorithm OpenNLP trainer: {@code MAXENT}, {@code MAXENT_QN}, {@code PERCEPTRON} or {@code NAIVEBAYES}
     * @param iterations training iterations
     * @param cutoff features seen fewer times are dropped
     */
    public record Settings(Features features, String algorithm, int iterations, int cutoff) {

        /** The settings of the shipped models (see docs/classification.md). */
        public static final Settings DEFAULT = new Settings(Features.DEFAULT, "MAXENT_QN", 150, 1);

        /** A short description, e.g. {@code MAXENT_QN words+char1-2}. */
        public String describe() {
            return algorithm + " " + features.describe();
        }
    }

    private ClassifierTrainer() {}

    /** The members an {@code ENSEMBLE} trains: maxent and naive Bayes on characters, maxent on HanLP words. */
    public static final List<Settings> ENSEMBLE_MEMBERS = List.of(
            new Settings(Features.parse("char1-2"), "MAXENT_QN", 150, 1),
            new Settings(Features.parse("char1-2"), "NAIVEBAYES", 1, 1),
            new Settings(Features.parse("words"), "MAXENT_QN", 150, 1));

    /**
     * Trains a model; {@code target} ({@code category}, {@code type} or a file's label field) is recorded in it. The
     * algorithm {@code ENSEMBLE} trains {@link #ENSEMBLE_MEMBERS} and averages them.
     */
    public static TextClassifier train(List<LabelledText> examples, Settings settings, String target) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("No training examples");
        }
        if (examples.stream().map(LabelledText::label).distinct().count() < 2) {
            throw new IllegalArgumentException("Training needs at least two different labels");
        }
        String version = target + "-" + STAMP.format(Instant.now());
        List<Settings> members = "ENSEMBLE".equals(settings.algorithm()) ? ENSEMBLE_MEMBERS : List.of(settings);
        List<DoccatModel> models = new ArrayList<>();
        for (Settings member : members) {
            models.add(trainOne(examples, member, target, version));
        }
        return models.size() == 1 ? new TextClassifier(models.get(0)) : new TextClassifier(models, version, target);
    }

    private static DoccatModel trainOne(List<LabelledText> examples, Settings settings, String target, String version) {
        List<DocumentSample> samples = new ArrayList<>(examples.size());
        for (LabelledText example : examples) {
            samples.add(new DocumentSample(example.label(), settings.features().tokens(example.text())));
        }
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, settings.algorithm());
        parameters.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
        parameters.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
        parameters.put(TrainingParameters.THREADS_PARAM, 1);
        try {
            DoccatModel trained = DocumentCategorizerME.train(
                    "zh", ObjectStreamUtils.createObjectStream(samples), parameters, new DoccatFactory());
            Map<String, String> manifest = new HashMap<>();
            manifest.put(TextClassifier.FEATURES, settings.features().describe());
            manifest.put(TextClassifier.TARGET, target);
            manifest.put(TextClassifier.VERSION, version);
            manifest.put(TextClassifier.ALGORITHM, settings.algorithm());
            manifest.put("hub.examples", String.valueOf(examples.size()));
            return new DoccatModel("zh", trained.getMaxentModel(), manifest, new DoccatFactory());
        } catch (IOException e) {
            throw new UncheckedIOException("Training failed: " + e.getMessage(), e);
        }
    }

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
}
