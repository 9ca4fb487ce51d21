package cn.hotline12345.hub.http;

import io.vertx.ext.web.RoutingContext;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Typed query parameters; a 400 naming the parameter when one is malformed. */
public final class QueryParams {

    private QueryParams() {}

    /** A whole number in [min, max], or {@code defaultValue} when absent. */
    public static long longParam(RoutingContext ctx, String name, long min, long max, long defaultValue) {
        String text = ctx.request().getParam(name);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalid(name, name + "须为" + min + "到" + max + "之间的整数");
    }

    /**
     * An ISO-8601 moment with an offset (a {@code +} sent unescaped in a query string arrives as a space and is
     * accepted), as UTC; null when absent.
     */
    public static LocalDateTime utcTime(RoutingContext ctx, String name) {
        String text = text(ctx, name, 40);
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.ofInstant(
                    OffsetDateTime.parse(text.replace(' ', '+')).toInstant(), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(name, name + " 须为带时区的 ISO-8601 时间，如 2026-11-22T08:00:00+08:00");
        }
    }

    /** A trimmed text of at most {@code maxLength} characters, or null when absent or blank. */
    public static String text(RoutingContext ctx, String name, int maxLength) {
        String text = ctx.request().getParam(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (value.length() > maxLength) {
            throw ApiException.invalid(name, name + "不能超过" + maxLength + "个字符");
        }
        return value;
    }
}
