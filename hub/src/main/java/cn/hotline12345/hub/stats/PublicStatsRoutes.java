package cn.hotline12345.hub.stats;

import cn.hotline12345.hub.http.ApiException;
import cn.hotline12345.hub.http.QueryParams;
import cn.hotline12345.hub.http.Times;
import cn.hotline12345.hub.sla.WorkingCalendar;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /api/v1/public/stats?month=2026-11}: the monthly figures published on the 政务公开 page, without login —
 * volumes by request type, category and lead department, and the 三率 (响应率, 按时办结率, 满意率) with their
 * numerators and denominators. Counts only, no personal data; each month's figures are cached for five minutes.
 */
public final class PublicStatsRoutes {

    private static final Duration FRESH = Duration.ofMinutes(5);
    private static final int MONTHS_KEPT = 64;
    private static final YearMonth FIRST = YearMonth.of(2000, 1);

    private record Cached(Instant until, Future<JsonObject> figures) {}

    private final KpiRepository kpis;
    private final Pool pool;
    private final Clock clock;
    private final Map<YearMonth, Cached> cache = new ConcurrentHashMap<>();

    public PublicStatsRoutes(KpiRepository kpis, Pool pool, Clock clock) {
        this.kpis = kpis;
        this.pool = pool;
        this.clock = clock;
    }

    /** Adds the route to the {@code /api/v1} router. */
    public void mount(Router api) {
        api.get("/public/stats").handler(this::stats);
    }

    private void stats(RoutingContext ctx) {
        YearMonth current = YearMonth.now(clock.withZone(WorkingCalendar.ZONE));
        YearMonth month = month(ctx, current);
        figures(month)
                .onSuccess(body -> ctx.response()
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                        .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=" + FRESH.toSeconds())
                        .end(body.encode()))
                .onFailure(ctx::fail);
    }

    private Future<JsonObject> figures(YearMonth month) {
        Instant now = clock.instant();
        Cached hit = cache.get(month);
        if (hit != null && hit.until().isAfter(now) && !hit.figures().failed()) {
            return hit.figures();
        }
        if (cache.size() >= MONTHS_KEPT) {
            cache.clear();
        }
        Future<JsonObject> computed = compute(month, now);
        cache.put(month, new Cached(now.plus(FRESH), computed));
        return computed;
    }

    private Future<JsonObject> compute(YearMonth month, Instant now) {
        LocalDateTime from = utc(month);
        LocalDateTime to = utc(month.plusMonths(1));
        Future<Long> published = pool.preparedQuery(KpiSql.PUBLISHED)
                .execute(Tuple.of(from, to))
                .map(rows -> rows.iterator().next().getLong(0));
        return Future.all(kpis.compute(from, to, null), published).map(done -> {
            JsonObject kpi = done.resultAt(0);
            JsonObject volumes = kpi.getJsonObject("volumes");
            JsonArray byType = volumes.getJsonArray("byType", new JsonArray());
            long total = byType.stream()
                    .mapToLong(i -> ((JsonObject) i).getLong("count"))
                    .sum();
            return new JsonObject()
                    .put("month", month.toString())
                    .put("from", month.atDay(1).toString())
                    .put("to", month.atEndOfMonth().toString())
                    .put("total", total)
                    .put("published", done.<Long>resultAt(1))
                    .put("byType", byType)
                    .put("byCategory", volumes.getJsonArray("byCategory", new JsonArray()))
                    .put("byDepartment", volumes.getJsonArray("byDepartment", new JsonArray()))
                    .put("responseRate", kpi.getJsonObject("responseRate"))
                    .put("onTimeCloseRate", kpi.getJsonObject("onTimeCloseRate"))
                    .put("satisfactionRate", kpi.getJsonObject("satisfactionRate"))
                    .put("generatedAt", Times.iso(now));
        });
    }

    private static YearMonth month(RoutingContext ctx, YearMonth current) {
        String text = QueryParams.text(ctx, "month", 7);
        if (text == null) {
            return current;
        }
        YearMonth month;
        try {
            month = text.matches("\\d{4}-\\d{2}") ? YearMonth.parse(text) : null;
        } catch (DateTimeParseException e) {
            month = null;
        }
        if (month == null) {
            throw ApiException.invalid("month", "月份（month）须为“年-月”格式，如 2026-11");
        }
        if (month.isAfter(current) || month.isBefore(FIRST)) {
            throw ApiException.invalid("month", "月份（month）须在 2000-01 到本月（" + current + "）之间");
        }
        return month;
    }

    private static LocalDateTime utc(YearMonth month) {
        return LocalDateTime.ofInstant(
                month.atDay(1).atStartOfDay(WorkingCalendar.ZONE).toInstant(), ZoneOffset.UTC);
    }
}
