package cn.hotline12345.hub.live;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;

/**
 * Sends events to live sockets (WebSocket) on every hub: screen-pops, queue changes, chat lines. Events travel through
 * Redis publish/subscribe, so a socket held by another hub instance receives them too.
 *
 * <p>An audience names who receives an event: {@code user:<username>} (one staff user), {@code role:<ROLE>} (every
 * signed-in user of a role), {@code staff} (every signed-in staff user), {@code dept:<id>} (a department's staff) or {@code chat:<id>} (both sides of a chat).
 */
public final class LiveEvents {

    private final RedisAPI redis;
    private final String channel;

    public LiveEvents(RedisAPI redis, String keyPrefix) {
        this.redis = redis;
        this.channel = channel(keyPrefix);
    }

    /** Publishes {@code event} to every socket subscribed to {@code audience}; succeeds once Redis took it. */
    public Future<Void> publish(String audience, JsonObject event) {
        String envelope =
                new JsonObject().put("to", audience).put("event", event).encode();
        return redis.publish(channel, envelope).mapEmpty();
    }

    /** The Redis channel live events travel on. */
    static String channel(String keyPrefix) {
        return keyPrefix + "live";
    }
}
