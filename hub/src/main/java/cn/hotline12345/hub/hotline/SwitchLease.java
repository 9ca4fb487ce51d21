package cn.hotline12345.hub.hotline;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.List;

/**
 * Which hub holds the switch connection: a Redis key set with {@code NX PX} by one hub and renewed by it; when that hub
 * stops renewing, the key lapses and another hub takes over.
 */
public final class SwitchLease {

    private static final String RENEW =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

    private static final String RELEASE =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private final RedisAPI redis;
    private final String key;
    private final String owner;
    private final long ttlMillis;
    private boolean held;

    /**
     * @param key the lease's Redis key
     * @param owner this hub's id, stored as the key's value
     * @param ttlMillis how long the lease lasts without renewal
     */
    public SwitchLease(RedisAPI redis, String key, String owner, long ttlMillis) {
        this.redis = redis;
        this.key = key;
        this.owner = owner;
        this.ttlMillis = ttlMillis;
    }

    /** Renews the lease if this hub holds it, or takes it if it is free; answers whether this hub holds it now. */
    public Future<Boolean> hold() {
        Future<Boolean> attempt = held
                ? redis.eval(List.of(RENEW, "1", key, owner, Long.toString(ttlMillis)))
                        .map(r -> r != null && r.toLong() == 1L)
                : redis.set(List.of(key, owner, "NX", "PX", Long.toString(ttlMillis)))
                        .map(SwitchLease::isOk);
        return attempt.onComplete(result -> held = result.succeeded() && result.result());
    }

    /** Whether the last {@link #hold()} left this hub holding the lease. */
    public boolean held() {
        return held;
    }

    /** Gives the lease up at once if this hub holds it, so another hub need not wait for it to lapse. */
    public Future<Void> release() {
        if (!held) {
            return Future.succeededFuture();
        }
        held = false;
        return redis.eval(List.of(RELEASE, "1", key, owner)).mapEmpty();
    }

    private static boolean isOk(Response response) {
        return response != null && "OK".equals(response.toString());
    }
}
