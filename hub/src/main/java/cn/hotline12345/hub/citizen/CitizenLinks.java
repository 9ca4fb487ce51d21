package cn.hotline12345.hub.citizen;

import cn.hotline12345.channels.Identity;
import cn.hotline12345.hub.account.AuditLog;
import cn.hotline12345.hub.http.ApiException;
import cn.hotline12345.hub.ticket.TicketRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mysqlclient.MySQLClient;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An agent's corrections of who is who: merging two citizens found to be one person, splitting identities and
 * tickets wrongly linked off into a citizen of their own, and linking an identifier the citizen confirmed. Each change
 * is one transaction with its audit record.
 */
public final class CitizenLinks {

    private static final String MERGED = "该市民档案已并入其他档案，请对合并后的档案操作";

    private final Pool pool;
    private final Clock clock;

    public CitizenLinks(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** Moves everything of citizen {@code sourceId} to {@code targetId}; the source then points to the target. */
    public Future<Void> merge(long targetId, long sourceId, String actor, String reason) {
        if (targetId == sourceId) {
            return Future.failedFuture(ApiException.invalid("sourceId", "不能将市民与自身合并"));
        }
        LocalDateTime now = now();
        return pool.withTransaction(conn -> conn.preparedQuery(CitizenSql.LOCK_CITIZENS)
                .execute(Tuple.of(targetId, sourceId))
                .compose(rows -> {
                    Map<Long, Row> byId = new HashMap<>();
                    rows.forEach(row -> byId.put(row.getLong("id"), row));
                    Row target = byId.get(targetId);
                    Row source = byId.get(sourceId);
                    if (target == null) {
                        return Future.failedFuture(ApiException.notFound("市民档案不存在"));
                    }
                    if (source == null) {
                        return Future.failedFuture(ApiException.invalid("sourceId", "要合并的市民档案不存在"));
                    }
                    if (target.getLong("merged_into") != null || source.getLong("merged_into") != null) {
                        return Future.failedFuture(ApiException.conflict(MERGED));
                    }
                    return absorb(
                            conn,
                            targetId,
                            sourceId,
                            source.getString("name"),
                            source.getString("phone"),
                            actor,
                            reason,
                            now);
                }));
    }

    /**
     * Moves the given identities and tickets of citizen {@code citizenId} to a new citizen and answers its id. Every
     * identity and ticket named must belong to the citizen.
     */
    public Future<Long> split(
            long citizenId, List<Long> identityIds, List<String> ticketNos, String actor, String reason) {
        LocalDateTime now = now();
        return pool.withTransaction(conn -> lockLive(conn, citizenId)
                .compose(locked -> conn.preparedQuery(CitizenSql.INSERT_CITIZEN)
                        .execute(Tuple.of(null, null, now, now))
                        .map(inserted -> (long) inserted.property(MySQLClient.LAST_INSERTED_ID)))
                .compose(created -> moveEach(conn, CitizenSql.MOVE_IDENTITY, created, citizenId, identityIds, 0)
                        .compose(movedAll -> movedAll
                                ? moveEach(conn, CitizenSql.MOVE_TICKET, created, citizenId, ticketNos, 0)
                                : Future.failedFuture(ApiException.invalid("identityIds", "所选标识不属于该市民档案")))
                        .compose(movedAll -> movedAll
                                ? conn.preparedQuery(CitizenSql.TAKE_CONTACT).execute(Tuple.of(now, created, created))
                                : Future.failedFuture(ApiException.invalid("ticketNos", "所选工单不属于该市民档案")))
                        .compose(contact -> AuditLog.record(
                                conn,
                                actor,
                                "CITIZEN_SPLIT",
                                "citizen",
                                String.valueOf(citizenId),
                                new JsonObject()
                                        .put("newCitizenId", created)
                                        .put("identityIds", new JsonArray(identityIds))
                                        .put("ticketNos", new JsonArray(ticketNos))
                                        .put("reason", reason),
                                now))
                        .map(created)));
    }

    /** Links an identifier the citizen confirmed to an agent; fails with 409 when another citizen holds it. */
    public Future<Void> link(long citizenId, Identity.Kind kind, String value, String actor, String reason) {
        LocalDateTime now = now();
        return pool.withTransaction(conn -> lockLive(conn, citizenId)
                        .compose(locked -> conn.preparedQuery(CitizenSql.LINK_IDENTITY)
                                .execute(Tuple.of(citizenId, kind.name(), value, now)))
                        .compose(linked -> AuditLog.record(
                                conn,
                                actor,
                                "CITIZEN_LINK",
                                "citizen",
                                String.valueOf(citizenId),
                                new JsonObject()
                                        .put("kind", kind.name())
                                        .put("value", value)
                                        .put("reason", reason),
                                now)))
                .recover(failure -> TicketRepository.isDuplicate(failure)
                        ? pool.preparedQuery(CitizenSql.OWNER_OF_IDENTITY)
                                .execute(Tuple.of(kind.name(), value))
                                .compose(owner -> Future.failedFuture(ApiException.conflict("该标识已关联到其他市民档案，如为同一人请合并档案")
                                        .with(
                                                "citizenId",
                                                owner.size() == 0
                                                        ? null
                                                        : owner.iterator()
                                                                .next()
                                                                .getLong("citizen_id"))))
                        : Future.failedFuture(failure));
    }

    /**
     * Links identities WeChat or the switch vouched for together (a mini-program user's openid, unionid and the phone
     * number WeChat confirmed): they are one person, so citizens holding any of them become one — the holder of the
     * first — with an audit record of each merge. Answers the citizen.
     */
    public Future<Long> linkVerified(List<Identity> identities, String actor, String reason) {
        LocalDateTime now = now();
        return pool.withTransaction(
                conn -> owners(conn, identities, 0, new ArrayList<>()).compose(owners -> {
                    List<Long> distinct =
                            owners.stream().filter(Objects::nonNull).distinct().toList();
                    String phone = identities.stream()
                            .filter(i -> i.kind() == Identity.Kind.PHONE)
                            .map(Identity::value)
                            .findFirst()
                            .orElse(null);
                    Future<Long> target = distinct.isEmpty()
                            ? conn.preparedQuery(CitizenSql.INSERT_CITIZEN)
                                    .execute(Tuple.of(null, phone, now, now))
                                    .map(inserted -> (long) inserted.property(MySQLClient.LAST_INSERTED_ID))
                            : Future.succeededFuture(distinct.get(0));
                    return target.compose(id -> absorbAll(conn, id, distinct, 1, actor, reason, now)
                            .compose(merged -> linkAll(conn, id, identities, 0, now))
                            .compose(linked ->
                                    conn.preparedQuery(CitizenSql.FILL_CONTACT).execute(Tuple.of(null, phone, now, id)))
                            .map(id));
                }));
    }

    private Future<Void> absorbAll(
            SqlConnection conn,
            long target,
            List<Long> others,
            int index,
            String actor,
            String reason,
            LocalDateTime now) {
        if (index >= others.size()) {
            return Future.succeededFuture();
        }
        long source = others.get(index);
        return conn.preparedQuery(CitizenSql.LOCK_CITIZEN)
                .execute(Tuple.of(source))
                .compose(rows -> {
                    Row row = rows.iterator().next();
                    return absorb(
                            conn, target, source, row.getString("name"), row.getString("phone"), actor, reason, now);
                })
                .compose(done -> absorbAll(conn, target, others, index + 1, actor, reason, now));
    }

    private static Future<List<Long>> owners(SqlConnection conn, List<Identity> ids, int index, List<Long> found) {
        if (index == ids.size()) {
            return Future.succeededFuture(found);
        }
        Identity identity = ids.get(index);
        return conn.preparedQuery(CitizenSql.LOCK_OWNER_OF_IDENTITY)
                .execute(Tuple.of(identity.kind().name(), identity.value()))
                .compose(rows -> {
                    found.add(rows.size() == 0 ? null : rows.iterator().next().getLong("citizen_id"));
                    return owners(conn, ids, index + 1, found);
                });
    }

    private static Future<Void> linkAll(
            SqlConnection conn, long citizenId, List<Identity> ids, int index, LocalDateTime now) {
        if (index == ids.size()) {
            return Future.succeededFuture();
        }
        Identity identity = ids.get(index);
        return conn.preparedQuery(CitizenSql.LINK_VERIFIED)
                .execute(Tuple.of(citizenId, identity.kind().name(), identity.value(), now))
                .compose(done -> linkAll(conn, citizenId, ids, index + 1, now));
    }

    private static Future<Void> absorb(
            SqlConnection conn,
            long targetId,
            long sourceId,
            String name,
            String phone,
            String actor,
            String reason,
            LocalDateTime now) {
        return conn.preparedQuery(CitizenSql.MOVE_IDENTITIES)
                .execute(Tuple.of(targetId, sourceId))
                .compose(identities -> conn.preparedQuery(CitizenSql.MOVE_TICKETS)
                        .execute(Tuple.of(targetId, sourceId))
                        .compose(tickets -> conn.preparedQuery(CitizenSql.RETIRE)
                                .execute(Tuple.of(targetId, now, sourceId))
                                .compose(retired -> conn.preparedQuery(CitizenSql.FILL_CONTACT)
                                        .execute(Tuple.of(name, phone, now, targetId)))
                                .compose(filled -> AuditLog.record(
                                        conn,
                                        actor,
                                        "CITIZEN_MERGE",
                                        "citizen",
                                        String.valueOf(targetId),
                                        new JsonObject()
                                                .put("sourceId", sourceId)
                                                .put("identitiesMoved", identities.rowCount())
                                                .put("ticketsMoved", tickets.rowCount())
                                                .put("reason", reason),
                                        now))));
    }

    /** Locks a citizen that exists and was not merged into another; a 404 or 409 problem otherwise. */
    private static Future<Void> lockLive(SqlConnection conn, long citizenId) {
        return conn.preparedQuery(CitizenSql.LOCK_CITIZEN)
                .execute(Tuple.of(citizenId))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.failedFuture(ApiException.notFound("市民档案不存在"));
                    }
                    if (rows.iterator().next().getLong("merged_into") != null) {
                        return Future.failedFuture(ApiException.conflict(MERGED));
                    }
                    return Future.succeededFuture();
                });
    }

    private static <T> Future<Boolean> moveEach(
            SqlConnection conn, String sql, long to, long from, List<T> keys, int index) {
        if (index == keys.size()) {
            return Future.succeededFuture(true);
        }
        return conn.preparedQuery(sql)
                .execute(Tuple.of(to, keys.get(index), from))
                .compose(rows -> rows.rowCount() == 1
                        ? moveEach(conn, sql, to, from, keys, index + 1)
                        : Future.succeededFuture(false));
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }
}
