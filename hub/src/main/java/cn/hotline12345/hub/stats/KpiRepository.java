package cn.hotline12345.hub.stats;

import cn.hotline12345.hub.directory.Area;
import cn.hotline12345.hub.directory.Department;
import cn.hotline12345.hub.directory.Directory;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The centre's key figures (三率 and more) for a period and optionally one department, each with its numerator and
 * denominator so anyone can recompute it; the formulas are in {@code docs/kpi.md}.
 */
public final class KpiRepository {

    private static final Map<String, String> VOLUMES = Map.of(
            "byChannel", "channel",
            "byCategory", "COALESCE(category, '未分类')",
            "byType", "COALESCE(request_type, '未分类')",
            "byArea", "COALESCE(area_code, '')",
            "byDepartment", "COALESCE(lead_department_id, 0)",
            "byDay", "DATE_FORMAT(CONVERT_TZ(created_at, '+00:00', '+08:00'), '%Y-%m-%d')");

    private final Pool pool;
    private final Supplier<Directory> directory;

    public KpiRepository(Pool pool, Supplier<Directory> directory) {
        this.pool = pool;
        this.directory = directory;
    }

    /** The figures for tickets and events in [{@code from}, {@code to}) (UTC), for one department when not null. */
    public Future<JsonObject> compute(LocalDateTime from, LocalDateTime to, Long department) {
        Tuple range = Tuple.of(from, to, department, department);
        Future<Row> dispatches = one(KpiSql.DISPATCHES, range);
        Future<Row> closed = one(KpiSql.CLOSED, range);
        Future<Row> openOverdue = one(KpiSql.OPEN_OVERDUE, range);
        Future<Row> followUps = one(KpiSql.FOLLOW_UPS, range);
        Future<Row> returns = one(KpiSql.RETURNS, range);
        Future<Row> extensions = one(KpiSql.EXTENSIONS, range);
        Future<Row> reopens = one(KpiSql.REOPENS, range);
        JsonObject volumes = new JsonObject();
        Future<?>[] volumeQueries = VOLUMES.entrySet().stream()
                .map(e -> pool.preparedQuery(String.format(KpiSql.VOLUME_BY, e.getValue()))
                        .execute(range)
                        .onSuccess(rows -> volumes.put(e.getKey(), volume(e.getKey(), rows))))
                .toArray(Future<?>[]::new);
        List<Future<?>> all =
                new ArrayList<>(List.of(dispatches, closed, openOverdue, followUps, returns, extensions, reopens));
        all.addAll(List.of(volumeQueries));
        return Future.all(all).map(done -> {
            long dispatched = dispatches.result().getLong("total");
            long answerable = dispatched - dispatches.result().getLong("pending");
            long closedTotal = closed.result().getLong("total");
            long overdueOpen = openOverdue.result().getLong(0);
            long visited = followUps.result().getLong("total");
            return new JsonObject()
                    .put("responseRate", rate(dispatches.result().getLong("accepted_on_time"), answerable))
                    .put("onTimeCloseRate", rate(closed.result().getLong("on_time"), closedTotal + overdueOpen))
                    .put("resolutionRate", rate(followUps.result().getLong("resolved"), visited))
                    .put("satisfactionRate", rate(followUps.result().getLong("satisfied"), visited))
                    .put("returnRate", rate(returns.result().getLong(0), dispatched))
                    .put("extensionRate", rate(extensions.result().getLong(0), dispatched))
                    .put("reopenRate", rate(reopens.result().getLong(0), visited))
                    .put(
                            "counts",
                            new JsonObject()
                                    .put("dispatched", dispatched)
                                    .put("closed", closedTotal)
                                    .put("openOverdue", overdueOpen)
                                    .put("followedUp", visited)
                                    .put("returned", returns.result().getLong(0))
                                    .put("extended", extensions.result().getLong(0))
                                    .put("reopened", reopens.result().getLong(0)))
                    .put("volumes", volumes);
        });
    }

    private Future<Row> one(String sql, Tuple params) {
        return pool.preparedQuery(sql).execute(params).map(rows -> rows.iterator()
                .next());
    }

    private JsonArray volume(String dimension, Iterable<Row> rows) {
        Directory current = directory.get();
        Function<String, String> label =
                switch (dimension) {
                    case "byArea" -> key -> current.area(key).map(Area::name).orElse(key.isEmpty() ? "未定位" : key);
                    case "byDepartment" -> key -> current.department(Long.parseLong(key))
                            .map(Department::name)
                            .orElse("未派单");
                    default -> key -> key;
                };
        JsonArray items = new JsonArray();
        for (Row row : rows) {
            String key = String.valueOf(row.getValue("k"));
            items.add(new JsonObject()
                    .put("key", key)
                    .put("label", label.apply(key))
                    .put("count", row.getLong("n")));
        }
        return items;
    }

    private static JsonObject rate(long numerator, long denominator) {
        return new JsonObject()
                .put("numerator", numerator)
                .put("denominator", denominator)
                .put(
                        "rate",
                        denominator <= 0
                                ? null
                                : BigDecimal.valueOf(numerator)
                                        .divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP)
                                        .doubleValue());
    }
}
