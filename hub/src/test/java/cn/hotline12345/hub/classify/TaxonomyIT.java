package cn.hotline12345.hub.classify;

import static cn.hotline12345.hub.TestHub.get;
import static cn.hotline12345.hub.TestHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hotline12345.hub.TestHub;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TaxonomyIT {

    @Test
    void anImportedVersionIsServedAndHistoryIsKept() throws Exception {
        Vertx vertx = Vertx.vertx();
        Pool pool = MySQLBuilder.pool()
                .connectingTo(MySQLConnectOptions.fromUri(TestHub.get().mysqlUri()))
                .using(vertx)
                .build();
        try {
            TaxonomyRepository repository = new TaxonomyRepository(pool, Clock.systemUTC());
            Taxonomy shipped = Taxonomy.shipped();
            List<Taxonomy.Category> extended = new ArrayList<>(shipped.categories());
            extended.add(new Taxonomy.Category("应急管理", List.of("安全生产", "防汛抗旱")));

            int version = repository
                    .publish(new Taxonomy(0, shipped.types(), extended), "it", "增加应急管理")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);

            JsonObject served = json(get("/api/v1/taxonomy"));
            assertThat(served.getInteger("version")).isEqualTo(version);
            assertThat(served.getJsonArray("categories")).hasSize(16);

            int restored = repository
                    .publish(shipped, "it", "恢复默认")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            assertThat(restored).isEqualTo(version + 1);
            assertThat(json(get("/api/v1/taxonomy")).getJsonArray("categories")).hasSize(15);
            assertThat(repository
                            .history()
                            .toCompletionStage()
                            .toCompletableFuture()
                            .get(30, TimeUnit.SECONDS))
                    .hasSizeGreaterThanOrEqualTo(2);
        } finally {
            pool.close();
            vertx.close();
        }
    }
}
