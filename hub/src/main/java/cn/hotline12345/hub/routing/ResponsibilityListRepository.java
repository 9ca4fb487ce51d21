package cn.hotline12345.hub.routing;

import cn.hotline12345.hub.account.AuditLog;
import cn.hotline12345.hub.directory.DirectoryFiles;
import cn.hotline12345.hub.http.ApiException;
import cn.hotline12345.hub.http.Times;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Versions of the responsibility list in MySQL: drafts, the one published, and the archived history. */
public final class ResponsibilityListRepository {

    private final Pool pool;
    private final Clock clock;

    public ResponsibilityListRepository(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** Stores checked rows as a new draft version and returns its number. */
    public Future<Integer> createDraft(
            String name, String source, List<ResponsibilityRow> rows, JsonObject report, String actor) {
        LocalDateTime now = now();
        return pool.withTransaction(
                conn -> conn.query(RoutingSql.LOCK_LATEST_VERSION).execute().compose(latest -> {
                    Integer max = latest.iterator().next().getInteger(0);
                    int version = max == null ? 1 : max + 1;
                    return conn.preparedQuery(RoutingSql.INSERT_LIST)
                            .execute(Tuple.of(version, name, source, report.encode(), actor, now))
                            .compose(inserted -> {
                                long id = inserted.property(io.vertx.mysqlclient.MySQLClient.LAST_INSERTED_ID);
                                List<Tuple> batch = new ArrayList<>();
                                for (ResponsibilityRow row : rows) {
                                    batch.add(Tuple.from(new Object[] {
                                        id,
                                        row.rowNo(),
                                        row.category(),
                                        row.subcategory(),
                                        String.join("|", row.keywords()),
                                        row.areaCode(),
                                        row.requestType(),
                                        row.leadDepartmentId(),
                                        row.coDepartmentIds().stream()
                                                .map(String::valueOf)
                                                .collect(Collectors.joining("|")),
                                        row.basis(),
                                        row.effectiveFrom(),
                                        row.effectiveTo()
                                    }));
                                }
                                Future<?> stored = batch.isEmpty()
                                        ? Future.succeededFuture()
                                        : conn.preparedQuery(RoutingSql.INSERT_ROW)
                                                .executeBatch(batch);
                                return stored.compose(done -> audit(
                                                conn,
                                                actor,
                                                "IMPORT_RESPONSIBILITY_LIST",
                                                String.valueOf(version),
                                                new JsonObject()
                                                        .put("rows", rows.size())
                                                        .put("source", source),
                                                now))
                                        .map(version);
                            });
                }));
    }

    /** Every version, newest first, without rows. */
    public Future<JsonArray> versions() {
        return pool.query(RoutingSql.LISTS).execute().map(rows -> {
            JsonArray versions = new JsonArray();
            for (Row row : rows) {
                JsonObject report = new JsonObject(row.getString("report"));
                versions.add(new JsonObject()
                        .put("version", row.getInteger("version"))
                        .put("name", row.getString("name"))
                        .put("status", row.getString("status"))
                        .put(
                                "statusName",
                                ResponsibilityList.Status.valueOf(row.getString("status"))
                                        .displayName())
                        .put("source", row.getString("source"))
                        .put("rows", row.getLong("row_count"))
                        .put(
                                "warnings",
                                report.getJsonArray("warnings", new JsonArray()).size())
                        .put("createdBy", row.getString("created_by"))
                        .put("createdAt", Times.iso(row.getLocalDateTime("created_at")))
                        .put("publishedBy", row.getString("published_by"))
                        .put("publishedAt", Times.iso(row.getLocalDateTime("published_at")))
                        .put("archivedAt", Times.iso(row.getLocalDateTime("archived_at"))));
            }
            return versions;
        });
    }

    /** One version with its rows. */
    public Future<Optional<ResponsibilityList>> find(int version) {
        return pool.preparedQuery(RoutingSql.LIST_BY_VERSION)
                .execute(Tuple.of(version))
                .compose(this::withRows);
    }

    /** The published version, or {@link ResponsibilityList#none()}. */
    public Future<ResponsibilityList> published() {
        return pool.query(RoutingSql.PUBLISHED_LIST)
                .execute()
                .compose(this::withRows)
                .map(found -> found.orElse(ResponsibilityList.none()));
    }

    /** The published version's number, 0 when none. */
    public Future<Integer> publishedVersion() {
        return pool.query(RoutingSql.PUBLISHED_VERSION)
                .execute()
                .map(rows -> rows.iterator().next().getInteger(0));
    }

    /**
     * Publishes a version: it comes into force and the previously published one is archived, in one transaction.
     * Archived versions may be published again (to roll back). Fails with 404 for an unknown version, 409 if it is
     * already published.
     */
    public Future<Void> publish(int version, String actor) {
        LocalDateTime now = now();
        return pool.withTransaction(conn -> conn.preparedQuery(RoutingSql.LOCK_LIST)
                .execute(Tuple.of(version))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.failedFuture(ApiException.notFound("责任清单版本 " + version + " 不存在"));
                    }
                    Row row = rows.iterator().next();
                    if ("PUBLISHED".equals(row.getString("status"))) {
                        return Future.failedFuture(ApiException.conflict("责任清单版本 " + version + " 已是现行版本"));
                    }
                    long id = row.getLong("id");
                    return conn.preparedQuery(RoutingSql.ARCHIVE_PUBLISHED)
                            .execute(Tuple.of(now))
                            .compose(done ->
                                    conn.preparedQuery(RoutingSql.PUBLISH).execute(Tuple.of(actor, now, id)))
                            .compose(done -> audit(
                                    conn,
                                    actor,
                                    "PUBLISH_RESPONSIBILITY_LIST",
                                    String.valueOf(version),
                                    new JsonObject(),
                                    now));
                }));
    }

    /** Recent classified tickets for a what-if simulation. */
    public Future<List<Row>> recentTickets(Instant since, int limit) {
        return pool.preparedQuery(RoutingSql.RECENT_TICKETS)
                .execute(Tuple.of(LocalDateTime.ofInstant(since, ZoneOffset.UTC), limit))
                .map(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    return list;
                });
    }

    private Future<Optional<ResponsibilityList>> withRows(io.vertx.sqlclient.RowSet<Row> lists) {
        if (lists.size() == 0) {
            return Future.succeededFuture(Optional.empty());
        }
        Row list = lists.iterator().next();
        return pool.preparedQuery(RoutingSql.ROWS_OF_LIST)
                .execute(Tuple.of(list.getLong("id")))
                .map(rows -> {
                    List<ResponsibilityRow> items = new ArrayList<>();
                    for (Row row : rows) {
                        items.add(new ResponsibilityRow(
                                row.getInteger("row_no"),
                                row.getString("category"),
                                row.getString("subcategory"),
                                DirectoryFiles.split(row.getString("keywords")),
                                row.getString("area_code"),
                                row.getString("request_type"),
                                row.getLong("lead_department_id"),
                                DirectoryFiles.split(row.getString("co_department_ids")).stream()
                                        .map(Long::valueOf)
                                        .toList(),
                                row.getString("basis"),
                                row.getLocalDate("effective_from"),
                                row.getLocalDate("effective_to")));
                    }
                    LocalDateTime published = list.getLocalDateTime("published_at");
                    return Optional.of(new ResponsibilityList(
                            list.getLong("id"),
                            list.getInteger("version"),
                            list.getString("name"),
                            ResponsibilityList.Status.valueOf(list.getString("status")),
                            List.copyOf(items),
                            new JsonObject(list.getString("report")),
                            list.getString("created_by"),
                            list.getLocalDateTime("created_at").toInstant(ZoneOffset.UTC),
                            published == null ? null : published.toInstant(ZoneOffset.UTC)));
                });
    }

    private static Future<Void> audit(
            SqlConnection conn, String actor, String action, String version, JsonObject detail, LocalDateTime at) {
        return AuditLog.record(conn, actor, action, "responsibility_list", version, detail, at);
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
