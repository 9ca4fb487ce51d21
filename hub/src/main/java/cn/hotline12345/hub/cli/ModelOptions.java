package cn.hotline12345.hub.cli;

import cn.hotline12345.hub.classify.ShippedModels;
import cn.hotline12345.hub.classify.TextClassifier;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --model} and {@code --target}, shared by {@code classify} and {@code evaluate}. */
final class ModelOptions {

    @Option(
            names = "--model",
            paramLabel = "MODEL",
            description = "Model file written by 'train'; without it the shipped default model is used.")
    Path model;

    @Option(
            names = "--target",
            paramLabel = "TARGET",
            defaultValue = "category",
            description = "Which shipped model without --model: category (default) or type.")
    ShippedModels.Target target;

    TextClassifier load(CommandSpec spec) {
        if (model == null) {
            return ShippedModels.load(target);
        }
        if (!Files.isRegularFile(model)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "No model file at " + model);
        }
        try {
            return TextClassifier.load(model);
        } catch (RuntimeException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "Not a model written by 'train': " + model + " (" + e.getMessage() + ")");
        }
    }
}
