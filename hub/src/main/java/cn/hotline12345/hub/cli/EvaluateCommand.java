package cn.hotline12345.hub.cli;

import cn.hotline12345.hub.classify.Evaluation;
import cn.hotline12345.hub.classify.TextClassifier;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hub evaluate}: accuracy, macro-F1, per-class scores and the confusion matrix as one JSON document. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Evaluates a model on labelled texts.")
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Mixin
    TextInputOptions texts;

    @Option(
            names = "--label-field",
            defaultValue = "label",
            description = "Field holding the label (default ${DEFAULT-VALUE}).")
    String labelField;

    @Override
    public Integer call() throws IOException {
        TextClassifier classifier = model.load(spec);
        Evaluation evaluation =
                Evaluation.of(classifier, TrainCommand.readOrFail(spec, texts.input, texts.textField, labelField));
        spec.commandLine()
                .getOut()
                .println(evaluation
                        .toJson()
                        .put("modelVersion", classifier.version())
                        .encodePrettily());
        return 0;
    }
}
