package cn.hotline12345.hub.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

/**
 * Reads and writes the .xlsx and CSV files departments exchange. CSV is read as UTF-8 (with or without BOM) or, when
 * it is not valid UTF-8, as GB18030 — the encoding Excel uses on Chinese Windows — and written as UTF-8 with a BOM so
 * Excel opens it correctly.
 */
public final class Spreadsheets {

    /** The file formats. */
    public enum Format {
        XLSX,
        CSV;

        /** The format a file name's extension names. */
        public static Optional<Format> ofFileName(String name) {
            String lower = name.toLowerCase();
            if (lower.endsWith(".xlsx")) {
                return Optional.of(XLSX);
            }
            if (lower.endsWith(".csv")) {
                return Optional.of(CSV);
            }
            return Optional.empty();
        }
    }

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final int MAX_ROWS = 100_000;

    private Spreadsheets() {}

    /** Whether the bytes are an .xlsx (zip) file rather than text. */
    public static boolean isXlsx(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    /**
     * Reads the first sheet of an .xlsx file or a CSV file, whichever the bytes are.
     *
     * @throws IllegalArgumentException with a Chinese message if the file cannot be read
     */
    public static Sheet read(byte[] bytes) {
        return isXlsx(bytes) ? readXlsx(bytes) : readCsv(bytes);
    }

    /** Reads CSV text. */
    public static Sheet readCsv(byte[] bytes) {
        String text = decode(bytes);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        try (CSVParser parser = CSVFormat.RFC4180.builder().get().parse(new StringReader(text))) {
            List<String> header = null;
            List<Sheet.Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                List<String> cells = record.toList().stream().map(String::strip).toList();
                if (header == null) {
                    header = cells;
                } else if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                    rows.add(new Sheet.Row((int) record.getRecordNumber(), cells));
                }
                if (rows.size() > MAX_ROWS) {
                    throw new IllegalArgumentException("文件行数超过上限 " + MAX_ROWS);
                }
            }
            if (header == null) {
                throw new IllegalArgumentException("文件为空，缺少表头行");
            }
            return new Sheet(header, rows);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("CSV 文件格式错误：" + e.getMessage(), e);
        }
    }

    /** Reads the first worksheet of an .xlsx file. */
    public static Sheet readXlsx(byte[] bytes) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            org.dhatim.fastexcel.reader.Sheet first = workbook.getFirstSheet();
            List<String> header = null;
            List<Sheet.Row> rows = new ArrayList<>();
            try (Stream<org.dhatim.fastexcel.reader.Row> stream = first.openStream()) {
                for (org.dhatim.fastexcel.reader.Row row :
                        (Iterable<org.dhatim.fastexcel.reader.Row>) stream::iterator) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        cells.add(row.getCellAsString(i).map(String::strip).orElse(""));
                    }
                    if (header == null) {
                        if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                            header = cells;
                        }
                    } else if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                        rows.add(new Sheet.Row(row.getRowNum(), cells));
                    }
                    if (rows.size() > MAX_ROWS) {
                        throw new IllegalArgumentException("文件行数超过上限 " + MAX_ROWS);
                    }
                }
            }
            if (header == null) {
                throw new IllegalArgumentException("工作表为空，缺少表头行");
            }
            return new Sheet(header, rows);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new IllegalArgumentException("无法读取 .xlsx 文件（文件损坏或不是 Excel 2007 及以上格式）", e);
        }
    }

    /** Writes CSV as UTF-8 with a BOM. */
    public static byte[] toCsv(Sheet sheet) {
        StringBuilder out = new StringBuilder("\uFEFF");
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(sheet.header());
            for (Sheet.Row row : sheet.rows()) {
                printer.printRecord(row.cells());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes one worksheet named {@code title}, header in bold, columns sized for Chinese text. */
    public static byte[] toXlsx(Sheet sheet, String title) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "hotline12345-hub", "1.0")) {
            Worksheet ws = workbook.newWorksheet(title);
            for (int c = 0; c < sheet.header().size(); c++) {
                ws.value(0, c, sheet.header().get(c));
                ws.style(0, c).bold().fillColor("DDEBF7").set();
                ws.width(c, Math.max(10, Math.min(60, sheet.header().get(c).length() * 4)));
            }
            int r = 1;
            for (Sheet.Row row : sheet.rows()) {
                for (int c = 0; c < row.cells().size(); c++) {
                    String value = row.cells().get(c);
                    if (value != null && !value.isEmpty()) {
                        ws.value(r, c, value);
                    }
                }
                r++;
            }
            ws.freezePane(0, 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, GB18030);
        }
    }
}
