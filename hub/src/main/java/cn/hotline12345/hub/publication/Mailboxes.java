package cn.hotline12345.hub.publication;

import cn.hotline12345.hub.account.AuditLog;
import cn.hotline12345.hub.directory.Directory;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** The leader mailboxes (领导信箱): 书记信箱、县长信箱、局长信箱 …, each tied to the office that receives its letters. */
public final class Mailboxes {

    private final Pool pool;
    private final Clock clock;

    public Mailboxes(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** Every mailbox with its office. */
    public Future<JsonArray> all() {
        return pool.query(PublicationSql.MAILBOXES).execute().map(rows -> {
            JsonArray items = new JsonArray();
            for (Row row : rows) {
                items.add(new JsonObject()
                        .put("id", row.getLong("id"))
                        .put("code", row.getString("code"))
                        .put("name", row.getString("name"))
                        .put("description", row.getString("description"))
                        .put("active", row.getBoolean("active"))
                        .put("departmentId", row.getLong("department_id"))
                        .put("department", row.getString("department")));
            }
            return items;
        });
    }

    /** The active mailbox with this code. */
    public Future<Optional<JsonObject>> active(String code) {
        return all().map(items -> items.stream()
                .map(i -> (JsonObject) i)
                .filter(i -> i.getString("code").equals(code) && i.getBoolean("active"))
                .findFirst());
    }

    /** Adds or changes a mailbox; audited. */
    public Future<Void> save(
            String code, String name, String description, long departmentId, boolean active, String actor) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return pool.withTransaction(conn -> conn.preparedQuery(PublicationSql.UPSERT_MAILBOX)
                .execute(Tuple.of(code, name, description, departmentId, active, now, now))
                .compose(done -> AuditLog.record(
                        conn,
                        actor,
                        "SAVE_MAILBOX",
                        "mailbox",
                        code,
                        new JsonObject()
                                .put("name", name)
                                .put("departmentId", departmentId)
                                .put("active", active),
                        now)));
    }

    /** The sample county's mailboxes, when there are none and their offices exist. */
    public Future<Void> storeSampleIfEmpty(Directory directory) {
        return pool.query(PublicationSql.MAILBOX_COUNT).execute().compose(rows -> {
            if (rows.iterator().next().getLong(0) > 0) {
                return Future.succeededFuture();
            }
            Future<Void> chain = Future.succeededFuture();
            String[][] samples = {
                {"SECRETARY", "县委书记信箱", "XFJ", "来信由县信访局登记转办，书记批示件优先办理"},
                {"MAGISTRATE", "县长信箱", "ZFB", "来信由县政府办公室登记转办"},
                {"ZJJ-DIRECTOR", "住建局局长信箱", "ZJJ", "住房和城乡建设领域来信"},
                {"JYJ-DIRECTOR", "教育局局长信箱", "JYJ", "教育领域来信"}
            };
            for (String[] sample : samples) {
                Optional<Long> office = directory.departmentNamed(sample[2]).map(d -> d.id());
                if (office.isPresent()) {
                    chain = chain.compose(done -> save(sample[0], sample[1], sample[3], office.get(), true, "system"));
                }
            }
            return chain;
        });
    }
}
