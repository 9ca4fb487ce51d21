package cn.hotline12345.hub.sla;

import cn.hotline12345.hub.http.ApiException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** {@code GET /api/v1/calendar/deadline}: a deadline counted in working days or working hours on the legal calendar. */
public final class CalendarRoutes {

    /** How deadlines are written: ISO-8601 with seconds and the +08:00 offset. */
    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

    private static final Pattern SPACE_FOR_PLUS = Pattern.compile(" (?=\\d{2}:?\\d{2}$)");

    private final Supplier<WorkingCalendar> calendars;

    public CalendarRoutes(Supplier<WorkingCalendar> calendars) {
        this.calendars = calendars;
    }

    /** Adds the routes to the {@code /api/v1} router. */
    public void mount(Router api) {
        api.get("/calendar/deadline").handler(this::deadline);
    }

    private void deadline(RoutingContext ctx) {
        WorkingCalendar calendar = calendars.get();
        OffsetDateTime start = start(ctx.request().getParam("start"));
        String days = ctx.request().getParam("workingDays");
        String hours = ctx.request().getParam("workingHours");
        if ((days == null) == (hours == null)) {
            throw ApiException.invalid("workingDays", "请给出workingDays（工作日数）或workingHours（工作小时数）其中之一");
        }
        JsonObject body = new JsonObject().put("start", FORMAT.format(start.atZoneSameInstant(WorkingCalendar.ZONE)));
        OffsetDateTime deadline;
        if (days != null) {
            int n = wholeNumber(days, "workingDays", 1, 3650);
            deadline = calendar.addWorkingDays(start, n);
            body.put("workingDays", n);
        } else {
            Duration amount = hours(hours);
            deadline = calendar.addWorkingTime(start, amount);
            body.put("workingHours", new BigDecimal(hours.strip()));
        }
        Set<Integer> missing = calendar.missingYears(
                start.atZoneSameInstant(WorkingCalendar.ZONE).toLocalDate(), deadline.toLocalDate());
        JsonArray warnings = new JsonArray();
        missing.forEach(year -> warnings.add(year + "年的节假日安排尚未导入，按周末计算"));
        ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .end(body.put("deadline", FORMAT.format(deadline))
                        .put("warnings", warnings)
                        .encode());
    }

    private static OffsetDateTime start(String raw) {
        OffsetDateTime start = parseStart(raw);
        int year = start.atZoneSameInstant(WorkingCalendar.ZONE).getYear();
        if (year < 1970 || year > 2200) {
            throw ApiException.invalid("start", "起算时间start须在1970年到2200年之间");
        }
        return start;
    }

    private static OffsetDateTime parseStart(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.invalid("start", "缺少起算时间start（ISO-8601格式，如2026-02-13T10:00:00+08:00）");
        }
        String text = SPACE_FOR_PLUS.matcher(raw.strip()).replaceFirst("+");
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeException notOffset) {
            try {
                return LocalDateTime.parse(text).atZone(WorkingCalendar.ZONE).toOffsetDateTime();
            } catch (DateTimeException notLocal) {
                try {
                    return LocalDate.parse(text)
                            .atStartOfDay(WorkingCalendar.ZONE)
                            .toOffsetDateTime();
                } catch (DateTimeException notDate) {
                    throw ApiException.invalid(
                            "start", "起算时间start格式不正确：" + raw + "，应为ISO-8601，如2026-02-13T10:00:00+08:00");
                }
            }
        }
    }

    private static int wholeNumber(String text, String field, int min, int max) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalid(field, field + "须为" + min + "到" + max + "之间的整数");
    }

    private static Duration hours(String text) {
        try {
            BigDecimal value = new BigDecimal(text.strip());
            long seconds = value.multiply(BigDecimal.valueOf(3600)).longValue();
            if (seconds >= 1 && value.compareTo(BigDecimal.valueOf(10_000)) <= 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalid("workingHours", "workingHours须为大于0且不超过10000的数字");
    }
}
