package cn.hotline12345.hub.classify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;

/**
 * An OpenNLP document categorizer together with the Chinese feature pipeline it was trained with. Thread-safe: each
 * thread gets its own {@link DocumentCategorizerME} over the shared model.
 */
public final class TextClassifier {

    static final String FEATURES = "hub.features";
    static final String VERSION = "hub.model.version";
    static final String TARGET = "hub.target";

    private final DoccatModel model;
    private final Features features;
    private final String version;
    private final ThreadLocal<DocumentCategorizerME> categorizer;

    public TextClassifier(DoccatModel model) {
        this.model = model;
        String setting = model.getManifestProperty(FEATURES);
        this.features = setting == null ? Features.DEFAULT : Features.parse(setting);
        String declared = model.getManifestProperty(VERSION);
        this.version = declared == null ? "unversioned" : declared;
        this.categorizer = ThreadLocal.withInitial(() -> new DocumentCategorizerME(model));
    }

    /** Loads a model file written by {@link #save}. */
    public static TextClassifier load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new TextClassifier(new DoccatModel(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the model " + file + ": " + e.getMessage(), e);
        }
    }

    /** Loads a model from a stream. */
    public static TextClassifier load(InputStream in) throws IOException {
        return new TextClassifier(new DoccatModel(in));
    }

    /** Classifies one text; an empty text gets the most likely label of an empty document. */
    public Classification classify(String text) {
        DocumentCategorizerME me = categorizer.get();
        double[] scores = me.categorize(features.tokens(text));
        List<Classification.Scored> ranked = new ArrayList<>(scores.length);
        for (int i = 0; i < scores.length; i++) {
            ranked.add(new Classification.Scored(me.getCategory(i), scores[i]));
        }
        ranked.sort(Comparator.comparingDouble(Classification.Scored::score).reversed());
        Classification.Scored best = ranked.get(0);
        return new Classification(
                best.label(), best.score(), List.copyOf(ranked.subList(0, Math.min(3, ranked.size()))), version);
    }

    /** Every label the model knows. */
    public List<String> labels() {
        DocumentCategorizerME me = categorizer.get();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < me.getNumberOfCategories(); i++) {
            labels.add(me.getCategory(i));
        }
        return labels;
    }

    /** The model's version, e.g. {@code category-20261122T101500Z}. */
    public String version() {
        return version;
    }

    /** The feature setting the model was trained with. */
    public Features features() {
        return features;
    }

    /** What the model classifies ({@code category} or {@code type}), or null. */
    public String target() {
        return model.getManifestProperty(TARGET);
    }

    /** Writes the model file. */
    public void save(OutputStream out) throws IOException {
        model.serialize(out);
    }

    /** The model file's bytes. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
