package cn.hotline12345.hub.sla;

import cn.hotline12345.hub.account.AuditLog;
import cn.hotline12345.hub.http.ApiException;
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

/** SLA policies in MySQL; changes are audited. */
public final class SlaPolicyRepository {

    private final Pool pool;
    private final Clock clock;

    public SlaPolicyRepository(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** Every policy. */
    public Future<SlaPolicies> load() {
        return pool.query(SlaSql.POLICIES).execute().map(rows -> {
            List<SlaPolicy> policies = new ArrayList<>();
            for (Row row : rows) {
                policies.add(new SlaPolicy(
                        row.getLong("id"),
                        row.getString("request_type"),
                        row.getString("urgency"),
                        row.getString("category"),
                        row.getString("area_code"),
                        limit(row, "accept"),
                        limit(row, "reply"),
                        limit(row, "follow_up"),
                        row.getInteger("return_window_days"),
                        row.getInteger("max_extension_days"),
                        row.getBigDecimal("warn_share")));
            }
            return new SlaPolicies(List.copyOf(policies));
        });
    }

    /** A value that changes whenever a policy changes. */
    public Future<String> stamp() {
        return pool.query(SlaSql.STAMP).execute().map(rows -> {
            Row row = rows.iterator().next();
            return row.getValue(0) + "/" + row.getValue(1);
        });
    }

    /** Adds the policy for its scope or replaces the one there; returns its id. */
    public Future<Long> save(SlaPolicy p, String actor) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return pool.withTransaction(conn -> conn.preparedQuery(SlaSql.UPSERT)
                .execute(Tuple.from(new Object[] {
                    p.requestType(),
                    p.urgency(),
                    p.category(),
                    p.areaCode(),
                    p.accept().amount(),
                    p.accept().unit().name(),
                    p.reply().amount(),
                    p.reply().unit().name(),
                    p.followUp().amount(),
                    p.followUp().unit().name(),
                    p.returnWindowDays(),
                    p.maxExtensionDays(),
                    p.warnShare(),
                    actor,
                    now
                }))
                .compose(done -> conn.preparedQuery(SlaSql.FIND_SCOPE)
                        .execute(Tuple.of(p.requestType(), p.urgency(), p.category(), p.areaCode())))
                .compose(rows -> {
                    long id = rows.iterator().next().getLong("id");
                    return AuditLog.record(
                                    conn,
                                    actor,
                                    "SAVE_SLA_POLICY",
                                    "sla_policy",
                                    String.valueOf(id),
                                    p.toJson().put("id", id),
                                    now)
                            .map(id);
                }));
    }

    /** Deletes a policy; the catch-all policy cannot be deleted. */
    public Future<Void> delete(long id, String actor) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return load().compose(policies -> {
            SlaPolicy policy = policies.policies().stream()
                    .filter(p -> p.id() == id)
                    .findFirst()
                    .orElseThrow(() -> ApiException.notFound("时限规则 " + id + " 不存在"));
            if (policy.specificity() == 0) {
                throw ApiException.conflict("兜底时限规则不能删除，可修改其时限");
            }
            return pool.withTransaction(conn -> conn.preparedQuery(SlaSql.DELETE)
                    .execute(Tuple.of(id))
                    .compose(done -> AuditLog.record(
                            conn, actor, "DELETE_SLA_POLICY", "sla_policy", String.valueOf(id), new JsonObject(), now))
                    .mapEmpty());
        });
    }

    private static SlaPolicy.TimeLimit limit(Row row, String prefix) {
        return new SlaPolicy.TimeLimit(
                row.getInteger(prefix + "_limit"), LimitUnit.valueOf(row.getString(prefix + "_unit")));
    }
}
