package cn.hotline12345.hub.sla;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Calendar years imported by admins ({@code calendar_year}); they replace the shipped year of the same number. */
public final class CalendarRepository {

    private static final String UPSERT =
            """
            INSERT INTO calendar_year (year, document, imported_by, imported_at) VALUES (?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE document = VALUES(document), imported_by = VALUES(imported_by),
                imported_at = VALUES(imported_at)""";

    private static final String ALL = """
            SELECT document FROM calendar_year ORDER BY year""";

    private final Pool pool;
    private final Clock clock;

    public CalendarRepository(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** Stores (or replaces) one year after checking it; returns the year. */
    public Future<Integer> importYear(JsonObject document, String actor) {
        int year = YearDocuments.check(document);
        return pool.preparedQuery(UPSERT)
                .execute(Tuple.of(
                        year, document.encode(), actor, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)))
                .map(year);
    }

    /** Every imported year document. */
    public Future<List<JsonObject>> years() {
        return pool.query(ALL).execute().map(rows -> {
            List<JsonObject> years = new ArrayList<>();
            for (Row row : rows) {
                years.add(new JsonObject(row.getString("document")));
            }
            return years;
        });
    }
}
