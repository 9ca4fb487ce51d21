package cn.hotline12345.hub.cli;

import cn.hotline12345.hub.classify.ClassifierTrainer;
import cn.hotline12345.hub.classify.Evaluation;
import cn.hotline12345.hub.classify.Features;
import cn.hotline12345.hub.classify.LabelledFile;
import cn.hotline12345.hub.classify.LabelledText;
import cn.hotline12345.hub.classify.ModelRegistry;
import cn.hotline12345.hub.classify.Retraining;
import cn.hotline12345.hub.classify.ShippedModels;
import cn.hotline12345.hub.classify.TextClassifier;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hub train}: trains a classifier on a labelled file and writes the model. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Trains a type or category classifier on labelled texts (UTF-8 JSONL, or CSV with a header row).")
public final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", paramLabel = "FILE", description = "Labelled texts (.jsonl or .csv).")
    Path input;

    @Option(names = "--output", paramLabel = "MODEL", description = "Where to write the model.")
    Path output;

    @Option(
            names = "--text-field",
            defaultValue = "text",
            description = "Field holding the text (default ${DEFAULT-VALUE}).")
    String textField;

    @Option(
            names = "--label-field",
            defaultValue = "label",
            description = "Field holding the label (default ${DEFAULT-VALUE}).")
    String labelField;

    @Option(
            names = "--shipped-corpus",
            description = "Train on the training part of the corpus inside the jar instead of --input (with --target).")
    boolean shippedCorpus;

    @Option(
            names = "--from-db",
            description = "Train on the shipped corpus plus agents' corrections from the database, store the model"
                    + " with its evaluation there (with --target, --data-dir).")
    boolean fromDb;

    @Option(
            names = "--activate",
            description = "With --from-db: make the new model active (hubs pick it up within seconds).")
    boolean activate;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "With --from-db: the hub's data directory (env HUB_DATA_DIR).")
    Path dataDir;

    @Option(
            names = "--target",
            defaultValue = "category",
            description = "With --shipped-corpus or --from-db: category or type.")
    ShippedModels.Target target;

    @Option(
            names = "--algorithm",
            defaultValue = "ENSEMBLE",
            description = "ENSEMBLE (maxent and naive Bayes on characters with maxent on words, averaged; --features is"
                    + " then ignored), MAXENT_QN, MAXENT, PERCEPTRON or NAIVEBAYES. Default: ENSEMBLE for --input;"
                    + " MAXENT_QN for --shipped-corpus and --from-db, whose models the intake runs on every request.")
    String algorithm;

    @Option(
            names = "--features",
            defaultValue = "char1-2",
            description = "Feature setting, e.g. words, char1-2, words+char1-2 (default ${DEFAULT-VALUE}).")
    String features;

    @Option(
            names = "--iterations",
            defaultValue = "150",
            description = "Training iterations (default ${DEFAULT-VALUE}).")
    int iterations;

    @Override
    public Integer call() throws IOException {
        int sources = (input != null ? 1 : 0) + (shippedCorpus ? 1 : 0) + (fromDb ? 1 : 0);
        if (sources != 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "Give exactly one of --input FILE, --shipped-corpus and --from-db");
        }
        if (output == null && !fromDb) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--output=MODEL'");
        }
        boolean chosen = spec.commandLine().getParseResult().hasMatchedOption("--algorithm");
        ClassifierTrainer.Settings settings =
                settings(spec, chosen || input != null ? algorithm : "MAXENT_QN", features, iterations);
        if (fromDb) {
            return trainFromDatabase(settings);
        }
        List<LabelledText> examples;
        String modelTarget;
        if (shippedCorpus) {
            examples = ShippedModels.trainingSet(target);
            modelTarget = target.field();
        } else {
            examples = readOrFail(spec, input, textField, labelField);
            modelTarget = labelField;
        }
        TextClassifier classifier = ClassifierTrainer.train(examples, settings, modelTarget);
        write(classifier);
        Evaluation training = Evaluation.of(classifier, examples);
        spec.commandLine()
                .getOut()
                .println(new JsonObject()
                        .put("model", output.toString())
                        .put("version", classifier.version())
                        .put("settings", classifier.describe())
                        .put("examples", examples.size())
                        .put("labels", classifier.labels())
                        .put("trainingAccuracy", Math.round(training.accuracy() * 10_000.0) / 10_000.0)
                        .encode());
        return 0;
    }

    private int trainFromDatabase(ClassifierTrainer.Settings settings) {
        try (CliDatabase db = CliDatabase.open(dataDir)) {
            ModelRegistry registry = new ModelRegistry(db.pool(), Clock.systemUTC());
            JsonObject summary = db.await(Retraining.run(db.vertx(), registry, target, settings, activate));
            spec.commandLine().getOut().println(summary.encode());
            return 0;
        }
    }

    private void write(TextClassifier classifier) throws IOException {
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(output)) {
            classifier.save(out);
        }
    }

    static ClassifierTrainer.Settings settings(CommandSpec spec, String algorithm, String features, int iterations) {
        if (!List.of("MAXENT_QN", "MAXENT", "PERCEPTRON", "NAIVEBAYES", "ENSEMBLE")
                .contains(algorithm)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Unknown --algorithm " + algorithm);
        }
        try {
            return new ClassifierTrainer.Settings(Features.parse(features), algorithm, iterations, 1);
        } catch (RuntimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Bad --features: " + e.getMessage());
        }
    }

    static List<LabelledText> readOrFail(CommandSpec spec, Path file, String textField, String labelField)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "No such file: " + file);
        }
        try {
            return LabelledFile.read(file, textField, labelField);
        } catch (LabelledFile.BadFile e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
