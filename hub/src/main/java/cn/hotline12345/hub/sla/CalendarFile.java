package cn.hotline12345.hub.sla;

import cn.hotline12345.hub.spreadsheet.Sheet;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A year of the legal calendar as a spreadsheet, the way the State Council's notice lists it: one row per holiday
 * (类型 放假) with its first and last day, one row per make-up workday (类型 调休上班) with its date. Reading checks every
 * row and answers either the year document or a line-by-line report.
 */
public final class CalendarFile {

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("类型", "名称", "开始日期", "结束日期");

    private static final String HOLIDAY = "放假";
    private static final String WORKDAY = "调休上班";

    /**
     * What reading a file found.
     *
     * @param document the year document, when there is no error
     * @param report {@code errors} and {@code warnings}, each {@code {line, column, message}}
     */
    public record Parsed(JsonObject document, JsonObject report) {

        /** Whether the file can be imported. */
        public boolean valid() {
            return report.getJsonArray("errors").isEmpty();
        }
    }

    private CalendarFile() {}

    /** Reads the rows of {@code year}. */
    public static Parsed read(Sheet sheet, int year) {
        List<JsonObject> errors = new ArrayList<>();
        List<JsonObject> warnings = new ArrayList<>();
        Map<String, Integer> columns = sheet.columns();
        for (String column : List.of("类型", "名称", "开始日期")) {
            if (!columns.containsKey(column)) {
                errors.add(problem(1, column, "缺少“" + column + "”列；列依次为：" + String.join("、", COLUMNS)));
            }
        }
        JsonArray holidays = new JsonArray();
        JsonArray workdays = new JsonArray();
        if (errors.isEmpty()) {
            for (Sheet.Row row : sheet.rows()) {
                String kind = sheet.cell(row, "类型");
                String name = sheet.cell(row, "名称");
                if (kind.isEmpty() && name.isEmpty() && sheet.cell(row, "开始日期").isEmpty()) {
                    continue;
                }
                if (name.isEmpty()) {
                    errors.add(problem(row.line(), "名称", "请填写名称，如“国庆节”"));
                }
                LocalDate from = date(sheet, row, "开始日期", year, errors);
                if (HOLIDAY.equals(kind)) {
                    LocalDate to = columns.containsKey("结束日期")
                                    && !sheet.cell(row, "结束日期").isEmpty()
                            ? date(sheet, row, "结束日期", year, errors)
                            : from;
                    if (from != null && to != null) {
                        if (to.isBefore(from)) {
                            errors.add(problem(row.line(), "结束日期", "结束日期早于开始日期"));
                        } else if (to.toEpochDay() - from.toEpochDay() > 30) {
                            warnings.add(problem(row.line(), "结束日期", "放假超过30天，请确认"));
                        }
                        holidays.add(new JsonObject()
                                .put("name", name)
                                .put("from", from.toString())
                                .put("to", to.toString()));
                    }
                } else if (WORKDAY.equals(kind)) {
                    if (from != null) {
                        if (from.getDayOfWeek().getValue() < 6) {
                            warnings.add(problem(row.line(), "开始日期", from + " 本是工作日，调休上班一般在周末"));
                        }
                        workdays.add(new JsonObject().put("name", name).put("date", from.toString()));
                    }
                } else {
                    errors.add(problem(row.line(), "类型", "类型须为“放假”或“调休上班”，实际为“" + kind + "”"));
                }
            }
            if (errors.isEmpty() && holidays.isEmpty()) {
                errors.add(problem(0, "类型", year + " 年没有任何放假安排"));
            }
        }
        JsonObject report =
                new JsonObject().put("errors", new JsonArray(errors)).put("warnings", new JsonArray(warnings));
        JsonObject document =
                new JsonObject().put("year", year).put("holidays", holidays).put("workdays", workdays);
        return new Parsed(errors.isEmpty() ? document : null, report);
    }

    /** A year document as a spreadsheet. */
    public static Sheet write(JsonObject document) {
        List<List<String>> rows = new ArrayList<>();
        document.getJsonArray("holidays", new JsonArray()).stream()
                .map(JsonObject.class::cast)
                .forEach(h ->
                        rows.add(List.of(HOLIDAY, h.getString("name", ""), h.getString("from"), h.getString("to"))));
        document.getJsonArray("workdays", new JsonArray()).stream()
                .map(JsonObject.class::cast)
                .forEach(w -> rows.add(List.of(WORKDAY, w.getString("name", ""), w.getString("date"), "")));
        return Sheet.of(COLUMNS, rows);
    }

    private static LocalDate date(Sheet sheet, Sheet.Row row, String column, int year, List<JsonObject> errors) {
        String text = sheet.cell(row, column).replace('/', '-').replace('.', '-');
        try {
            LocalDate date = LocalDate.parse(text, DateTimeFormatter.ofPattern("yyyy-M-d"));
            boolean spillsOver = column.equals("结束日期") && date.getYear() == year + 1;
            if (date.getYear() != year && !spillsOver) {
                errors.add(problem(row.line(), column, date + " 不在 " + year + " 年内"));
                return null;
            }
            return date;
        } catch (DateTimeException e) {
            errors.add(problem(row.line(), column, "日期须形如 " + year + "-10-01，实际为“" + sheet.cell(row, column) + "”"));
            return null;
        }
    }

    private static JsonObject problem(int line, String column, String message) {
        return new JsonObject().put("line", line).put("column", column).put("message", message);
    }
}
