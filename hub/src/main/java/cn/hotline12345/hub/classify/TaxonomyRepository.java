package cn.hotline12345.hub.classify;

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

/** Versions of the taxonomy in MySQL; the active one, or the shipped default when none was imported. */
public final class TaxonomyRepository {

    private final Pool pool;
    private final Clock clock;

    public TaxonomyRepository(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** The taxonomy in force. */
    public Future<Taxonomy> active() {
        return pool.query(TaxonomySql.ACTIVE).execute().map(rows -> {
            if (rows.size() == 0) {
                return Taxonomy.shipped();
            }
            Row row = rows.iterator().next();
            return Taxonomy.fromJson(new JsonObject(row.getString("document")), row.getInteger("version"));
        });
    }

    /** Stores {@code taxonomy} as the next version and makes it active; returns the new version number. */
    public Future<Integer> publish(Taxonomy taxonomy, String actor, String note) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return pool.withTransaction(
                conn -> conn.query(TaxonomySql.LOCK_LATEST).execute().compose(rows -> {
                    Integer latest = rows.iterator().next().getInteger(0);
                    int version = latest == null ? 1 : latest + 1;
                    Taxonomy versioned = new Taxonomy(version, taxonomy.types(), taxonomy.categories());
                    return conn.query(TaxonomySql.DEACTIVATE)
                            .execute()
                            .compose(done -> conn.preparedQuery(TaxonomySql.INSERT)
                                    .execute(
                                            Tuple.of(version, versioned.toJson().encode(), actor, note, now)))
                            .map(version);
                }));
    }

    /** Every stored version, newest first, without the documents. */
    public Future<List<JsonObject>> history() {
        return pool.query(TaxonomySql.HISTORY).execute().map(rows -> {
            List<JsonObject> versions = new ArrayList<>();
            for (Row row : rows) {
                versions.add(new JsonObject()
                        .put("version", row.getInteger("version"))
                        .put("active", row.getBoolean("active"))
                        .put("createdBy", row.getString("created_by"))
                        .put("note", row.getString("note"))
                        .put("createdAt", String.valueOf(row.getLocalDateTime("created_at"))));
            }
            return versions;
        });
    }
}
