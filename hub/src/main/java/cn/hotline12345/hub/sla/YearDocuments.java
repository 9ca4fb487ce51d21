package cn.hotline12345.hub.sla;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Checks a calendar year document: {@code {"year": 2027, "holidays": [{"name", "from", "to"}], "workdays": [{"name",
 * "date"}]}}, every date inside the year.
 */
final class YearDocuments {

    private YearDocuments() {}

    /** The document's year; throws {@link IllegalArgumentException} naming what is wrong. */
    static int check(JsonObject document) {
        Object yearValue = document.getValue("year");
        if (!(yearValue instanceof Integer year) || year < 2000 || year > 2100) {
            throw new IllegalArgumentException("year（年份）须为2000到2100之间的整数");
        }
        if (!(document.getValue("holidays") instanceof JsonArray holidays)
                || !(document.getValue("workdays") instanceof JsonArray workdays)) {
            throw new IllegalArgumentException("holidays（放假安排）和 workdays（调休上班日）须为数组（没有时为空数组）");
        }
        for (Object entry : holidays) {
            if (!(entry instanceof JsonObject holiday)) {
                throw new IllegalArgumentException("每个放假安排须为含 name、from、to 的对象");
            }
            LocalDate from = date(holiday, "from", year);
            LocalDate to = date(holiday, "to", year);
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("放假安排“" + holiday.getString("name") + "”的结束日期早于开始日期");
            }
        }
        for (Object entry : workdays) {
            if (!(entry instanceof JsonObject workday)) {
                throw new IllegalArgumentException("每个调休上班日须为含 name、date 的对象");
            }
            date(workday, "date", year);
        }
        return year;
    }

    private static LocalDate date(JsonObject entry, String field, int year) {
        String text = entry.getString(field);
        try {
            LocalDate date = LocalDate.parse(text == null ? "" : text);
            if (date.getYear() != year && !(field.equals("to") && date.getYear() == year + 1)) {
                throw new IllegalArgumentException(field + " 的日期 " + text + " 不在 " + year + " 年内");
            }
            return date;
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(field + " 须为形如 " + year + "-10-01 的日期，实际为 " + text);
        }
    }
}
