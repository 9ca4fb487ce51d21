package cn.hotline12345.hub.directory;

import cn.hotline12345.hub.account.AuditLog;
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

/** The department directory and the areas in MySQL; every change is audited in the same transaction. */
public final class DirectoryRepository {

    private final Pool pool;
    private final Clock clock;

    public DirectoryRepository(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** The whole directory as one snapshot. */
    public Future<Directory> load() {
        return pool.query(DirectorySql.DEPARTMENTS)
                .execute()
                .compose(departments -> pool.query(DirectorySql.AREAS).execute().map(areas -> {
                    List<Department> ds = new ArrayList<>();
                    for (Row row : departments) {
                        ds.add(new Department(
                                row.getLong("id"),
                                row.getString("code"),
                                row.getString("name"),
                                DepartmentKind.valueOf(row.getString("kind")),
                                row.getLong("parent_id"),
                                row.getString("contact_name"),
                                row.getString("contact_phone"),
                                DirectoryFiles.split(row.getString("aliases")),
                                row.getBoolean("active")));
                    }
                    List<Area> as = new ArrayList<>();
                    for (Row row : areas) {
                        as.add(new Area(
                                row.getString("code"),
                                row.getString("name"),
                                AreaLevel.valueOf(row.getString("level")),
                                row.getString("parent_code"),
                                DirectoryFiles.split(row.getString("aliases"))));
                    }
                    return new Directory(ds, as);
                }));
    }

    /** A value that changes whenever a department or area is added or changed. */
    public Future<String> stamp() {
        return pool.query(DirectorySql.STAMP).execute().map(rows -> {
            Row row = rows.iterator().next();
            return row.getValue(0) + "/" + row.getValue(1) + "/" + row.getValue(2) + "/" + row.getValue(3);
        });
    }

    /** Whether no department is stored yet. */
    public Future<Boolean> isEmpty() {
        return pool.query(DirectorySql.DEPARTMENT_COUNT)
                .execute()
                .map(rows -> rows.iterator().next().getLong(0) == 0);
    }

    /** Adds or updates departments by code, parents first, in one transaction. */
    public Future<Integer> saveDepartments(List<DirectoryFiles.DepartmentRow> rows, boolean active, String actor) {
        LocalDateTime now = now();
        return pool.withTransaction(conn -> {
            Future<Void> chain = Future.succeededFuture();
            for (DirectoryFiles.DepartmentRow row : rows) {
                chain = chain.compose(done -> conn.preparedQuery(DirectorySql.UPSERT_DEPARTMENT)
                        .execute(Tuple.from(new Object[] {
                            row.code(),
                            row.name(),
                            row.kind().name(),
                            row.parentCode(),
                            row.contactName(),
                            row.contactPhone(),
                            String.join("|", row.aliases()),
                            active,
                            now,
                            now
                        }))
                        .mapEmpty());
            }
            return chain.compose(done -> AuditLog.record(
                            conn,
                            actor,
                            "SAVE_DEPARTMENTS",
                            "department",
                            rows.size() == 1 ? rows.get(0).code() : "*",
                            new JsonObject().put("count", rows.size()),
                            now))
                    .map(rows.size());
        });
    }

    /** Adds or updates areas by code, parents first, in one transaction. */
    public Future<Integer> saveAreas(List<Area> areas, String actor) {
        LocalDateTime now = now();
        return pool.withTransaction(conn -> {
            Future<Void> chain = Future.succeededFuture();
            for (Area area : areas) {
                chain = chain.compose(done -> conn.preparedQuery(DirectorySql.UPSERT_AREA)
                        .execute(Tuple.of(
                                area.code(),
                                area.name(),
                                area.level().name(),
                                area.parentCode(),
                                String.join("|", area.aliases()),
                                now,
                                now))
                        .mapEmpty());
            }
            return chain.compose(done -> AuditLog.record(
                            conn, actor, "SAVE_AREAS", "area", "*", new JsonObject().put("count", areas.size()), now))
                    .map(areas.size());
        });
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
