package cn.hotline12345.hub.cli;

import cn.hotline12345.hub.classify.LabelledText;
import cn.hotline12345.hub.classify.TextClassifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hub classify}: one JSON line per input text with {@code label}, {@code confidence} and {@code top}. */
@Command(
        name = "classify",
        mixinStandardHelpOptions = true,
        description = "Classifies texts (JSONL or CSV with --text-field, or .txt with one text per line).")
public final class ClassifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Mixin
    TextInputOptions texts;

    @Override
    public Integer call() throws IOException {
        TextClassifier classifier = model.load(spec);
        PrintWriter out = spec.commandLine().getOut();
        for (LabelledText text : TrainCommand.readOrFail(spec, texts.input, texts.textField, null)) {
            out.println(classifier
                    .classify(text.text())
                    .toJson()
                    .put("line", text.line())
                    .encode());
        }
        out.flush();
        return 0;
    }
}
