package cn.hotline12345.hub.classify;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;

/**
 * One or more OpenNLP document categorizers, each with the Chinese feature pipeline it was trained with; an ensemble
 * averages its members' probabilities. Thread-safe: each thread gets its own {@link DocumentCategorizerME} per member.
 * A single model is stored as a plain OpenNLP model file; an ensemble as a zip of member models and {@code
 * hub-ensemble.json}.
 */
public final class TextClassifier {

    static final String FEATURES = "hub.features";
    static final String VERSION = "hub.model.version";
    static final String TARGET = "hub.target";
    static final String ALGORITHM = "hub.algorithm";

    private static final String ENSEMBLE_ENTRY = "hub-ensemble.json";

    private record Member(DoccatModel model, Features features, ThreadLocal<DocumentCategorizerME> categorizer) {
        static Member of(DoccatModel model) {
            String setting = model.getManifestProperty(FEATURES);
            return new Member(
                    model,
                    setting == null ? Features.DEFAULT : Features.parse(setting),
                    ThreadLocal.withInitial(() -> new DocumentCategorizerME(model)));
        }
    }

    private final List<Member> members;
    private final String version;
    private final String target;

    public TextClassifier(DoccatModel model) {
        this(List.of(model), model.getManifestProperty(VERSION), model.getManifestProperty(TARGET));
    }

    TextClassifier(List<DoccatModel> models, String version, String target) {
        this.members = models.stream().map(Member::of).toList();
        this.version = version == null ? "unversioned" : version;
        this.target = target;
    }

    /** Loads a model file written by {@link #save}. */
    public static TextClassifier load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the model " + file + ": " + e.getMessage(), e);
        }
    }

    /** Loads a model from a stream: a single OpenNLP model or an ensemble. */
    public static TextClassifier load(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(ENSEMBLE_ENTRY) || entry.getName().startsWith("member-")) {
                    entries.put(entry.getName(), zip.readAllBytes());
                }
            }
        }
        if (!entries.containsKey(ENSEMBLE_ENTRY)) {
            return new TextClassifier(new DoccatModel(new ByteArrayInputStream(bytes)));
        }
        JsonObject ensemble = new JsonObject(new String(entries.get(ENSEMBLE_ENTRY), StandardCharsets.UTF_8));
        List<DoccatModel> models = new ArrayList<>();
        for (Object name : ensemble.getJsonArray("members")) {
            byte[] member = entries.get((String) name);
            if (member == null) {
                throw new IOException("The ensemble lacks its member " + name);
            }
            models.add(new DoccatModel(new ByteArrayInputStream(member)));
        }
        return new TextClassifier(models, ensemble.getString("version"), ensemble.getString("target"));
    }

    /** Classifies one text; an empty text gets the most likely label of an empty document. */
    public Classification classify(String text) {
        Map<Features, String[]> tokens = new HashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Member member : members) {
            DocumentCategorizerME me = member.categorizer().get();
            double[] probabilities = me.categorize(tokens.computeIfAbsent(member.features(), f -> f.tokens(text)));
            for (int i = 0; i < probabilities.length; i++) {
                scores.merge(me.getCategory(i), probabilities[i] / members.size(), Double::sum);
            }
        }
        List<Classification.Scored> ranked = new ArrayList<>(scores.size());
        scores.forEach((label, score) -> ranked.add(new Classification.Scored(label, score)));
        ranked.sort(Comparator.comparingDouble(Classification.Scored::score).reversed());
        Classification.Scored best = ranked.get(0);
        return new Classification(
                best.label(), best.score(), List.copyOf(ranked.subList(0, Math.min(3, ranked.size()))), version);
    }

    /** Every label the model knows. */
    public List<String> labels() {
        Set<String> labels = new LinkedHashSet<>();
        for (Member member : members) {
            DocumentCategorizerME me = member.categorizer().get();
            for (int i = 0; i < me.getNumberOfCategories(); i++) {
                labels.add(me.getCategory(i));
            }
        }
        return List.copyOf(labels);
    }

    /** The model's version, e.g. {@code category-20261122T101500Z}. */
    public String version() {
        return version;
    }

    /** The feature setting of the (first) member. */
    public Features features() {
        return members.get(0).features();
    }

    /** Every member's algorithm and features, e.g. {@code MAXENT_QN char1-2 + NAIVEBAYES char1-2}. */
    public String describe() {
        return String.join(
                " + ",
                members.stream()
                        .map(m -> m.model().getManifestProperty(ALGORITHM) + " "
                                + m.features().describe())
                        .toList());
    }

    /** What the model classifies ({@code category} or {@code type}), or null. */
    public String target() {
        return target;
    }

    /** Writes the model file. */
    public void save(OutputStream out) throws IOException {
        if (members.size() == 1) {
            members.get(0).model().serialize(out);
            return;
        }
        ZipOutputStream zip = new ZipOutputStream(out);
        JsonArray names = new JsonArray();
        for (int i = 0; i < members.size(); i++) {
            String name = "member-" + i + ".bin";
            names.add(name);
            ByteArrayOutputStream member = new ByteArrayOutputStream();
            members.get(i).model().serialize(member);
            zip.putNextEntry(new ZipEntry(name));
            zip.write(member.toByteArray());
            zip.closeEntry();
        }
        zip.putNextEntry(new ZipEntry(ENSEMBLE_ENTRY));
        zip.write(new JsonObject()
                .put("version", version)
                .put("target", target)
                .put("members", names)
                .encode()
                .getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
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
