package cn.hotline12345.hub.publication;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.time.Duration;
import java.util.List;

/** Fixed-window counters in Redis, shared by every hub: at most {@code limit} events per key per window. */
public final class RateLimiter {

    private final RedisAPI redis;
    private final String prefix;

    public RateLimiter(RedisAPI redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    /** Counts one event for {@code key}; answers whether it is within the limit. */
    public Future<Boolean> allow(String key, int limit, Duration window) {
        long slot = System.currentTimeMillis() / window.toMillis();
        String redisKey = prefix + "rl:" + key + ":" + slot;
        return redis.incr(redisKey).compose(count -> {
            long n = count.toLong();
            Future<Void> expiry = n == 1
                    ? redis.expire(List.of(redisKey, String.valueOf(window.toSeconds() + 1)))
                            .mapEmpty()
                    : Future.succeededFuture();
            return expiry.map(done -> n <= limit);
        });
    }
}
