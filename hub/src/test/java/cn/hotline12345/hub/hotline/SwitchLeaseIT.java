package cn.hotline12345.hub.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hotline12345.hub.TestHub;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two hubs contending for the switch connection on the shared hub's real Redis. */
class SwitchLeaseIT {

    private static Vertx vertx;
    private static Redis redis;

    @BeforeAll
    static void connect() {
        vertx = Vertx.vertx();
        redis = Redis.createClient(
                vertx, new RedisOptions().setConnectionString(TestHub.get().redisUri()));
    }

    @AfterAll
    static void close() throws Exception {
        redis.close();
        await(vertx.close());
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void oneHubHoldsTheLeaseAndAnotherTakesOverWhenItIsReleasedOrLapses() throws Exception {
        String key = "it:" + UUID.randomUUID() + ":cti:lease";
        SwitchLease first = new SwitchLease(RedisAPI.api(redis), key, "hub-a", 400);
        SwitchLease second = new SwitchLease(RedisAPI.api(redis), key, "hub-b", 400);

        assertThat(await(first.hold())).isTrue();
        assertThat(await(second.hold())).isFalse();
        assertThat(await(first.hold())).as("renewed").isTrue();
        assertThat(await(second.hold())).isFalse();

        await(first.release());
        assertThat(await(second.hold())).as("taken over after a release").isTrue();
        assertThat(await(first.hold())).isFalse();

        Thread.sleep(600);
        assertThat(await(first.hold()))
                .as("taken over after the holder stopped renewing")
                .isTrue();
        assertThat(await(second.hold())).as("a lapsed holder cannot renew").isFalse();
        assertThat(second.held()).isFalse();
    }
}
