package cn.hotline12345.hub.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which tokens a model sees: segmented words, character n-grams, or both. The setting is stored in each model, so a
 * model is always fed the features it was trained on.
 *
 * @param words whether HanLP words are features
 * @param minGram smallest character n-gram (0 for none)
 * @param maxGram largest character n-gram (0 for none)
 */
public record Features(boolean words, int minGram, int maxGram) {

    /** The setting the shipped models use (chosen by measured macro-F1, see docs/classification.md). */
    public static final Features DEFAULT = new Features(false, 1, 2);

    /** The setting as a short string, e.g. {@code words+char1-2}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (words) {
            parts.add("words");
        }
        if (maxGram > 0) {
            parts.add(String.format(Locale.ROOT, "char%d-%d", minGram, maxGram));
        }
        return String.join("+", parts);
    }

    /** Parses {@link #describe()}. */
    public static Features parse(String text) {
        boolean words = false;
        int min = 0;
        int max = 0;
        for (String part : text.split("\\+")) {
            if (part.equals("words")) {
                words = true;
            } else if (part.startsWith("char")) {
                String[] range = part.substring(4).split("-");
                min = Integer.parseInt(range[0]);
                max = Integer.parseInt(range[range.length - 1]);
            } else if (!part.isBlank()) {
                throw new IllegalArgumentException("Unknown feature setting: " + part);
            }
        }
        if (!words && max == 0) {
            throw new IllegalArgumentException("A feature setting needs words or character n-grams: " + text);
        }
        return new Features(words, min, max);
    }

    /** The feature tokens of a raw text. */
    public String[] tokens(String text) {
        String normalised = ChineseText.normalise(text);
        List<String> tokens = new ArrayList<>();
        if (words) {
            for (String word : ChineseText.words(normalised)) {
                tokens.add("w=" + word);
            }
        }
        if (maxGram > 0) {
            String compact = normalised.replace(" ", "");
            int[] codePoints = compact.codePoints().toArray();
            for (int n = Math.max(1, minGram); n <= maxGram; n++) {
                for (int i = 0; i + n <= codePoints.length; i++) {
                    tokens.add("c" + n + "=" + new String(codePoints, i, n));
                }
            }
        }
        if (tokens.isEmpty()) {
            tokens.add("empty");
        }
        return tokens.toArray(String[]::new);
    }
}
