package cn.hotline12345.kb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The government synonym dictionary (政务同义词): everyday and short forms (社保, 医保, 公积金, 户口, 驾照 …) mapped to one
 * canonical form (社会保险, 医疗保险, 住房公积金, 户籍, 机动车驾驶证 …). Rewriting both the entries and the questions to
 * canonical forms lets a citizen's words find the formal ones. Longest match first; a canonical form already present is
 * kept as it is (住房公积金 does not become 住房住房公积金).
 */
public final class Synonyms {

    private final Map<String, List<String>> groups;
    private final Map<Character, List<Map.Entry<String, String>>> rewritesByFirstChar = new java.util.HashMap<>();

    private Synonyms(Map<String, List<String>> groups) {
        this.groups = groups;
        List<Map.Entry<String, String>> all = new ArrayList<>();
        groups.forEach((canonical, variants) -> {
            all.add(Map.entry(canonical, canonical));
            variants.forEach(v -> all.add(Map.entry(v, canonical)));
        });
        all.sort(Comparator.comparingInt(
                        (Map.Entry<String, String> e) -> e.getKey().length())
                .reversed());
        for (Map.Entry<String, String> rewrite : all) {
            rewritesByFirstChar
                    .computeIfAbsent(rewrite.getKey().charAt(0), c -> new ArrayList<>())
                    .add(rewrite);
        }
    }

    /** The shipped dictionary. */
    public static Synonyms shipped() {
        try (InputStream in = Synonyms.class.getClassLoader().getResourceAsStream("kb/synonyms.txt")) {
            if (in == null) {
                throw new IllegalStateException("Missing resource kb/synonyms.txt");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A dictionary from text: one concept per line, canonical form first, forms separated by spaces; # comments. */
    public static Synonyms parse(String text) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new java.io.StringReader(text))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] forms = trimmed.split("[\\s,，]+");
                if (forms.length >= 2) {
                    List<String> variants = new ArrayList<>();
                    for (int i = 1; i < forms.length; i++) {
                        if (!forms[i].equals(forms[0])) {
                            variants.add(forms[i]);
                        }
                    }
                    groups.merge(forms[0], variants, (a, b) -> {
                        List<String> merged = new ArrayList<>(a);
                        merged.addAll(b);
                        return merged;
                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Synonyms(groups);
    }

    /** The dictionary in its text form. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        groups.forEach((canonical, variants) -> out.append(canonical)
                .append(' ')
                .append(String.join(" ", variants))
                .append('\n'));
        return out.toString();
    }

    /** The groups: canonical form → other forms. */
    public Map<String, List<String>> groups() {
        return groups;
    }

    /** {@code text} with every known form replaced by its canonical form. */
    public String canonical(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int i = 0;
        outer:
        while (i < text.length()) {
            for (Map.Entry<String, String> rewrite : rewritesByFirstChar.getOrDefault(text.charAt(i), List.of())) {
                String form = rewrite.getKey();
                if (text.startsWith(form, i)) {
                    out.append(rewrite.getValue());
                    i += form.length();
                    continue outer;
                }
            }
            out.append(text.charAt(i));
            i++;
        }
        return out.toString();
    }
}
