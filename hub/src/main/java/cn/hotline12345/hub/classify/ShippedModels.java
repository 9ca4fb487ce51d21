package cn.hotline12345.hub.classify;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The default models inside {@code hub.jar} ({@code classify/models/<target>.bin}) and the labelled corpus the project
 * wrote to train them ({@code classify/corpus/*.jsonl}). A fifth of the corpus, chosen by a hash of each text, is held
 * out for evaluation and never trained on.
 */
public final class ShippedModels {

    /** What a model classifies. */
    public enum Target {
        /** 诉求类型: 咨询、求助、投诉、举报、建议、表扬、其他. */
        TYPE("type"),
        /** 一级分类, e.g. 城乡建设. */
        CATEGORY("category");

        private final String field;

        Target(String field) {
            this.field = field;
        }

        /** The corpus field holding this target's label. */
        public String field() {
            return field;
        }
    }

    private ShippedModels() {}

    /** Loads the shipped model for {@code target}. */
    public static TextClassifier load(Target target) {
        String resource = "classify/models/" + target.field() + ".bin";
        try (InputStream in = ShippedModels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The shipped model " + resource + " is missing from the jar");
            }
            return TextClassifier.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The training part of the shipped corpus, labelled for {@code target}. */
    public static List<LabelledText> trainingSet(Target target) {
        return corpus(target, false);
    }

    /** The held-out part of the shipped corpus, labelled for {@code target}. */
    public static List<LabelledText> heldOut(Target target) {
        return corpus(target, true);
    }

    /** Whether a text belongs to the held-out fifth. */
    public static boolean isHeldOut(String text) {
        return Math.floorMod(text.hashCode() * 31 + 7, 5) == 0;
    }

    private static List<LabelledText> corpus(Target target, boolean heldOut) {
        List<LabelledText> examples = new ArrayList<>();
        for (String name : resourceLines("classify/corpus/index.txt")) {
            List<String> lines = resourceLines("classify/corpus/" + name);
            for (int i = 0; i < lines.size(); i++) {
                JsonObject json = new JsonObject(lines.get(i));
                String text = json.getString("text");
                if (isHeldOut(text) == heldOut) {
                    examples.add(new LabelledText(text, json.getString(target.field()), i + 1));
                }
            }
        }
        return examples;
    }

    private static List<String> resourceLines(String resource) {
        InputStream in = ShippedModels.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing resource " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
