package cn.hotline12345.hub.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --input} and {@code --text-field} of the commands that read texts to classify. */
final class TextInputOptions {

    @Option(names = "--input", paramLabel = "FILE", required = true, description = "Texts (.jsonl, .csv or .txt).")
    Path input;

    @Option(
            names = "--text-field",
            defaultValue = "text",
            description = "Field holding the text (default ${DEFAULT-VALUE}).")
    String textField;
}
