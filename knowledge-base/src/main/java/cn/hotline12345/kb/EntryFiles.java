package cn.hotline12345.kb;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Q&A entries as JSON Lines, one entry per line: {@code question}, {@code answer}, optional {@code similar} (array of
 * strings), {@code category}, {@code department}, {@code source} (an object with title, docNo, issuer, date, indexNo,
 * link — or just a title as a string), {@code validFrom}, {@code validTo}. Bad lines are reported by number.
 */
public final class EntryFiles {

    /**
     * An entry read from a file, not yet stored.
     *
     * @param line its line number
     * @param entry the entry (id 0, status from the caller)
     */
    public record Line(int line, KbEntry entry) {}

    /**
     * The outcome of reading a file.
     *
     * @param entries the lines that could be read
     * @param errors one Chinese message per bad line
     */
    public record Read(List<Line> entries, List<String> errors) {}

    private EntryFiles() {}

    /** The starter content the project ships (230 entries on common 12345 topics, each with its source). */
    public static List<KbEntry> starter() {
        try (InputStream in = EntryFiles.class.getClassLoader().getResourceAsStream("kb/starter-entries.jsonl")) {
            if (in == null) {
                throw new IllegalStateException("Missing resource kb/starter-entries.jsonl");
            }
            Read read = read(new String(in.readAllBytes(), StandardCharsets.UTF_8), EntryStatus.PUBLISHED);
            if (!read.errors().isEmpty()) {
                throw new IllegalStateException("Bad starter entries: " + read.errors());
            }
            return read.entries().stream().map(Line::entry).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads JSON Lines; every entry gets {@code status}. */
    public static Read read(String text, EntryStatus status) {
        List<Line> entries = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        String[] lines = text.startsWith("\uFEFF") ? text.substring(1).split("\n") : text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                entries.add(new Line(i + 1, entry(new JsonObject(line), status)));
            } catch (DecodeException e) {
                errors.add("第" + (i + 1) + "行不是合法的JSON");
            } catch (IllegalArgumentException e) {
                errors.add("第" + (i + 1) + "行：" + e.getMessage());
            }
        }
        return new Read(entries, errors);
    }

    /** One entry from its JSON; throws {@link IllegalArgumentException} with a Chinese message. */
    public static KbEntry entry(JsonObject json, EntryStatus status) {
        String question = text(json, "question", "标准问题", 500, true);
        String answer = text(json, "answer", "答复", 20_000, true);
        List<String> similar = new ArrayList<>();
        Object similarValue = json.getValue("similar");
        if (similarValue instanceof JsonArray array) {
            for (Object item : array) {
                if (!(item instanceof String s)) {
                    throw new IllegalArgumentException("similar（相似问法）须为字符串数组");
                }
                if (!s.isBlank() && s.strip().length() <= 500) {
                    similar.add(s.strip());
                }
            }
        } else if (similarValue != null) {
            throw new IllegalArgumentException("similar（相似问法）须为字符串数组");
        }
        Object sourceValue = json.getValue("source");
        Source source;
        if (sourceValue instanceof JsonObject object) {
            source = Source.fromJson(object);
        } else if (sourceValue instanceof String title && !title.isBlank()) {
            source = new Source(title.strip(), null, null, null, null, null);
        } else if (sourceValue == null) {
            source = null;
        } else {
            throw new IllegalArgumentException("source（政策来源）须为对象或字符串");
        }
        return new KbEntry(
                0,
                question,
                List.copyOf(similar),
                answer,
                text(json, "category", "分类", 100, false),
                text(json, "department", "责任单位", 100, false),
                source,
                null,
                date(json, "validFrom"),
                date(json, "validTo"),
                status,
                1);
    }

    /** The entry as one JSON line of the import format. */
    public static String line(KbEntry entry) {
        JsonObject json = new JsonObject()
                .put("question", entry.question())
                .put("similar", new JsonArray(entry.similar()))
                .put("answer", entry.answer())
                .put("category", entry.category())
                .put("department", entry.department())
                .put("source", entry.source() == null ? null : entry.source().toJson())
                .put(
                        "validFrom",
                        entry.validFrom() == null ? null : entry.validFrom().toString())
                .put("validTo", entry.validTo() == null ? null : entry.validTo().toString());
        return json.encode();
    }

    private static String text(JsonObject json, String field, String label, int max, boolean required) {
        Object value = json.getValue(field);
        if (value == null || value instanceof String s && s.isBlank()) {
            if (required) {
                throw new IllegalArgumentException("缺少" + label + "（" + field + "）");
            }
            return null;
        }
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException(label + "（" + field + "）须为字符串");
        }
        if (s.strip().length() > max) {
            throw new IllegalArgumentException(label + "（" + field + "）不能超过" + max + "个字符");
        }
        return s.strip();
    }

    private static LocalDate date(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(String.valueOf(value).strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " 须为日期，如 2026-01-01");
        }
    }
}
