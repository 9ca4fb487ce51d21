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
            throw new IllegalArgumentException("'year' must be a year between 2000 and 2100");
        }
        if (!(document.getValue("holidays") instanceof JsonArray holidays)
                || !(document.getValue("workdays") instanceof JsonArray workdays)) {
            throw new IllegalArgumentException("'holidays' and 'workdays' must be arrays (empty if none)");
        }
        for (Object entry : holidays) {
            if (!(entry instanceof JsonObject holiday)) {
                throw new IllegalArgumentException("every holiday must be an object with name, from and to");
            }
            LocalDate from = date(holiday, "from", year);
            LocalDate to = date(holiday, "to", year);
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("holiday " + holiday.getString("name") + " ends before it starts");
            }
        }
        for (Object entry : workdays) {
            if (!(entry instanceof JsonObject workday)) {
                throw new IllegalArgumentException("every workday must be an object with name and date");
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
                throw new IllegalArgumentException("'" + field + "' " + text + " is not in " + year);
            }
            return date;
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + field + "' must be a date like " + year + "-10-01, got " + text);
        }
    }
}
