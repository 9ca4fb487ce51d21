package cn.hotline12345.hub.live;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One per hub: subscribes to the live-event channel in Redis and hands each event to this hub's HTTP verticles over
 * the local event bus ({@value #ADDRESS}). Resubscribes with backoff when the Redis connection drops.
 */
public final class LiveBridge {

    /** The local event-bus address live events arrive on, as their JSON envelope. */
    public static final String ADDRESS = "hub.live";

    private static final Logger log = LoggerFactory.getLogger(LiveBridge.class);
    private static final long MAX_BACKOFF_MILLIS = 10_000;

    private final Vertx vertx;
    private final Redis client;
    private final String channel;
    private final DeliveryOptions local = new DeliveryOptions().setLocalOnly(true);
    private volatile boolean stopped;
    private RedisConnection connection;

    public LiveBridge(Vertx vertx, String redisUri, String keyPrefix) {
        this.vertx = vertx;
        this.client = Redis.createClient(vertx, new RedisOptions().setConnectionString(redisUri));
        this.channel = LiveEvents.channel(keyPrefix);
    }

    /** Starts listening; keeps trying in the background if Redis is not reachable yet. */
    public void start() {
        subscribe(250);
    }

    /** Stops listening. */
    public void stop() {
        stopped = true;
        if (connection != null) {
            connection.close();
        }
        client.close();
    }

    private void subscribe(long backoff) {
        if (stopped) {
            return;
        }
        client.connect()
                .compose(conn -> {
                    connection = conn;
                    conn.handler(this::onMessage);
                    conn.exceptionHandler(e -> log.warn("Live events connection failed: {}", e.getMessage()));
                    conn.endHandler(ended -> retry(250));
                    return conn.send(Request.cmd(Command.SUBSCRIBE).arg(channel));
                })
                .onFailure(failure -> {
                    log.warn("Cannot subscribe to live events: {}", failure.getMessage());
                    retry(Math.min(MAX_BACKOFF_MILLIS, backoff * 2));
                });
    }

    private void retry(long backoff) {
        if (!stopped) {
            vertx.setTimer(backoff, id -> subscribe(backoff));
        }
    }

    private void onMessage(Response message) {
        if (message.type() != ResponseType.PUSH && message.type() != ResponseType.MULTI) {
            return;
        }
        if (message.size() == 3 && "message".equals(message.get(0).toString())) {
            vertx.eventBus().publish(ADDRESS, message.get(2).toString(), local);
        }
    }
}
