package cn.hotline12345.hub.account;

import cn.hotline12345.hub.http.Times;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log (审计日志): who saw or changed what, and when. Append-only (triggers refuse updates and deletes);
 * ticket state changes are in the ticket events, this log holds views of citizens' data, unmasking and admin changes.
 */
public final class AuditLog {

    private static final String INSERT =
            """
            INSERT INTO audit_log (actor, action, target_type, target_id, detail, occurred_at)
            VALUES (?, ?, ?, ?, ?, ?)""";

    private AuditLog() {}

    /** Writes one record with {@code client}: a pool, or a connection inside the change's transaction. */
    public static Future<Void> record(
            SqlClient client,
            String actor,
            String action,
            String targetType,
            String targetId,
            JsonObject detail,
            LocalDateTime at) {
        return client.preparedQuery(INSERT)
                .execute(Tuple.of(actor, action, targetType, targetId, detail.encode(), at))
                .mapEmpty();
    }

    /**
     * A filter of the log.
     *
     * @param actor e.g. {@code user:agent07}, or null
     * @param action e.g. {@code UNMASK}, or null
     * @param targetType e.g. {@code ticket}, or null
     * @param targetId e.g. a ticket number, or null
     * @param from first moment (UTC), or null
     * @param to moment after the last (UTC), or null
     * @param before keyset cursor: only ids below it, 0 for the newest page
     * @param limit page size
     */
    public record Query(
            String actor,
            String action,
            String targetType,
            String targetId,
            LocalDateTime from,
            LocalDateTime to,
            long before,
            int limit) {}

    /** One page of the log, newest first, with {@code next} the cursor of the following page. */
    public static Future<JsonObject> search(Pool pool, Query q) {
        StringBuilder sql = new StringBuilder(
                "SELECT id, actor, action, target_type, target_id, detail, occurred_at FROM audit_log WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        condition(sql, params, " AND actor = ?", q.actor());
        condition(sql, params, " AND action = ?", q.action());
        condition(sql, params, " AND target_type = ?", q.targetType());
        condition(sql, params, " AND target_id = ?", q.targetId());
        condition(sql, params, " AND occurred_at >= ?", q.from());
        condition(sql, params, " AND occurred_at < ?", q.to());
        condition(sql, params, " AND id < ?", q.before() > 0 ? q.before() : null);
        sql.append(" ORDER BY id DESC LIMIT ?");
        params.add(q.limit());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(params)).map(rows -> {
            JsonArray items = new JsonArray();
            long last = 0;
            for (Row row : rows) {
                last = row.getLong("id");
                items.add(new JsonObject()
                        .put("id", last)
                        .put("actor", row.getString("actor"))
                        .put("action", row.getString("action"))
                        .put("targetType", row.getString("target_type"))
                        .put("targetId", row.getString("target_id"))
                        .put("detail", new JsonObject(row.getString("detail")))
                        .put("at", Times.iso(row.getLocalDateTime("occurred_at"))));
            }
            return new JsonObject().put("items", items).put("next", items.size() < q.limit() ? null : last);
        });
    }

    private static void condition(StringBuilder sql, List<Object> params, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            params.add(value);
        }
    }
}
