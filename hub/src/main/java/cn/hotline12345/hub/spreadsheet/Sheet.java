package cn.hotline12345.hub.spreadsheet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A table as departments keep it in Excel: a header row and data rows of text cells, with the line each row came from
 * so validation reports can point at it.
 *
 * @param header the column titles
 * @param rows the data rows, blank rows dropped
 */
public record Sheet(List<String> header, List<Row> rows) {

    /**
     * One data row.
     *
     * @param line its 1-based line in the file (the header is line 1)
     * @param cells its cells, trimmed; missing trailing cells are empty strings
     */
    public record Row(int line, List<String> cells) {}

    /** Builds a sheet from a header and rows of cells, numbering lines from 2. */
    public static Sheet of(List<String> header, List<List<String>> cells) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            rows.add(new Row(i + 2, cells.get(i)));
        }
        return new Sheet(List.copyOf(header), rows);
    }

    /** The column index of each title. */
    public Map<String, Integer> columns() {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).strip(), i);
        }
        return columns;
    }

    /** The cell under {@code column} in {@code row}, or an empty string. */
    public String cell(Row row, String column) {
        Integer index = columns().get(column);
        if (index == null || index >= row.cells().size()) {
            return "";
        }
        String value = row.cells().get(index);
        return value == null ? "" : value.strip();
    }
}
