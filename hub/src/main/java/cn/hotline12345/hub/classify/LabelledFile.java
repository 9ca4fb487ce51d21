package cn.hotline12345.hub.classify;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads labelled texts from UTF-8 JSONL (one object per line) or CSV with a header row; every problem names its line.
 */
public final class LabelledFile {

    /** A problem in an input file, with the 1-based line it is on. */
    public static final class BadFile extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadFile(Path file, int line, String problem) {
            super(file.getFileName() + (line > 0 ? ", line " + line : "") + ": " + problem);
        }
    }

    private LabelledFile() {}

    /** Reads the file; {@code labelField} may be null to read texts only (label then is empty). */
    public static List<LabelledText> read(Path file, String textField, String labelField) throws IOException {
        List<String> lines = decodeLines(file);
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt")) {
            if (labelField != null) {
                throw new BadFile(file, 0, "a .txt file has one text per line and no labels; use .jsonl or .csv");
            }
            List<LabelledText> texts = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    texts.add(new LabelledText(lines.get(i).strip(), "", i + 1));
                }
            }
            if (texts.isEmpty()) {
                throw new BadFile(file, 0, "no texts");
            }
            return texts;
        }
        boolean csv = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")
                || firstContent(lines).map(l -> !l.startsWith("{")).orElse(false);
        List<LabelledText> examples =
                csv ? readCsv(file, lines, textField, labelField) : readJsonl(file, lines, textField, labelField);
        if (examples.isEmpty()) {
            throw new BadFile(file, 0, "no examples");
        }
        return examples;
    }

    private static List<LabelledText> readJsonl(Path file, List<String> lines, String textField, String labelField) {
        List<LabelledText> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonObject json;
            try {
                json = new JsonObject(line);
            } catch (DecodeException | ClassCastException e) {
                throw new BadFile(file, i + 1, "not a JSON object");
            }
            examples.add(example(
                    file,
                    i + 1,
                    value(file, i + 1, json.getValue(textField), textField),
                    labelField == null ? "" : value(file, i + 1, json.getValue(labelField), labelField),
                    labelField != null));
        }
        return examples;
    }

    private static List<LabelledText> readCsv(Path file, List<String> lines, String textField, String labelField) {
        List<Row> rows = CsvRows.parse(file, lines);
        if (rows.isEmpty()) {
            throw new BadFile(file, 0, "no header row");
        }
        List<String> header = rows.get(0).cells().stream().map(String::strip).toList();
        int textColumn = column(file, header, textField);
        int labelColumn = labelField == null ? -1 : column(file, header, labelField);
        List<LabelledText> examples = new ArrayList<>();
        for (Row row : rows.subList(1, rows.size())) {
            if (row.cells().size() == 1 && row.cells().get(0).isBlank()) {
                continue;
            }
            String text = textColumn < row.cells().size() ? row.cells().get(textColumn) : null;
            String label = labelColumn < 0
                    ? ""
                    : labelColumn < row.cells().size() ? row.cells().get(labelColumn) : null;
            if (text == null) {
                throw new BadFile(file, row.line(), "missing field '" + textField + "'");
            }
            if (label == null) {
                throw new BadFile(file, row.line(), "missing field '" + labelField + "'");
            }
            examples.add(example(file, row.line(), text, label, labelField != null));
        }
        return examples;
    }

    private static LabelledText example(Path file, int line, String text, String label, boolean labelled) {
        if (text.isBlank()) {
            throw new BadFile(file, line, "empty text");
        }
        if (labelled && label.isBlank()) {
            throw new BadFile(file, line, "empty label");
        }
        return new LabelledText(text.strip(), label.strip(), line);
    }

    private static String value(Path file, int line, Object value, String field) {
        if (value == null) {
            throw new BadFile(file, line, "missing field '" + field + "'");
        }
        if (!(value instanceof String text)) {
            throw new BadFile(file, line, "field '" + field + "' is not a string");
        }
        if (text.isBlank()) {
            throw new BadFile(file, line, "field '" + field + "' is empty");
        }
        return text;
    }

    private static int column(Path file, List<String> header, String field) {
        int index = header.indexOf(field);
        if (index < 0) {
            throw new BadFile(file, 1, "the header has no column '" + field + "' (columns: " + header + ")");
        }
        return index;
    }

    private static Optional<String> firstContent(List<String> lines) {
        return lines.stream().map(String::strip).filter(l -> !l.isEmpty()).findFirst();
    }

    private static List<String> decodeLines(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int start =
                bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf
                        ? 3
                        : 0;
        List<String> lines = new ArrayList<>();
        int lineStart = start;
        for (int i = start; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                int end = i > lineStart && bytes[i - 1] == '\r' ? i - 1 : i;
                if (i == bytes.length && lineStart == bytes.length) {
                    break;
                }
                try {
                    lines.add(StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes, lineStart, end - lineStart))
                            .toString());
                } catch (CharacterCodingException e) {
                    throw new BadFile(file, lines.size() + 1, "not valid UTF-8 (save the file as UTF-8)");
                }
                lineStart = i + 1;
            }
        }
        return lines;
    }

    record Row(int line, List<String> cells) {}

    /** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
    static final class CsvRows {
        private CsvRows() {}

        static List<Row> parse(Path file, List<String> lines) {
            List<Row> rows = new ArrayList<>();
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            int rowLine = 1;
            for (int n = 0; n < lines.size(); n++) {
                String line = lines.get(n);
                if (!quoted) {
                    rowLine = n + 1;
                }
                for (int i = 0; i < line.length(); i++) {
                    char c = line.charAt(i);
                    if (quoted) {
                        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                            cell.append('"');
                            i++;
                        } else if (c == '"') {
                            quoted = false;
                        } else {
                            cell.append(c);
                        }
                    } else if (c == '"' && cell.length() == 0) {
                        quoted = true;
                    } else if (c == ',') {
                        cells.add(cell.toString());
                        cell.setLength(0);
                    } else {
                        cell.append(c);
                    }
                }
                if (quoted) {
                    cell.append('\n');
                    continue;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                rows.add(new Row(rowLine, List.copyOf(cells)));
                cells.clear();
            }
            if (quoted) {
                throw new BadFile(file, rowLine, "a quoted field is never closed");
            }
            return rows;
        }
    }
}
