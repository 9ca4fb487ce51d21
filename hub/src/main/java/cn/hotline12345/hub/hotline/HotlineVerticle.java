package cn.hotline12345.hub.hotline;

import cn.hotline12345.channels.PhoneNumbers;
import cn.hotline12345.channels.hotline.EslClient;
import cn.hotline12345.channels.hotline.EslEvent;
import cn.hotline12345.channels.hotline.EslListener;
import cn.hotline12345.channels.hotline.EslSettings;
import cn.hotline12345.hub.citizen.CitizenHistory;
import cn.hotline12345.hub.http.Times;
import cn.hotline12345.hub.live.LiveEvents;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's link to the call-centre switch (12345 热线 CTI). One instance per hub; of all hubs only the holder of the
 * switch lease keeps the event-socket connection. Answered calls are stored and popped onto the answering agent's
 * screen (来电弹屏) with the caller's history; ended calls get their end time, talk time and recording.
 */
public final class HotlineVerticle extends VerticleBase {

    private static final Logger log = LoggerFactory.getLogger(HotlineVerticle.class);
    private static final int MAX_CALL_ID = 128;

    private Pool pool;
    private Redis redis;
    private HotlineCalls calls;
    private LiveEvents live;
    private CitizenHistory history;
    private SwitchLease lease;
    private EslSettings settings;
    private EslClient client;
    private long leaseTimer;
    private boolean stopping;

    @Override
    public Future<?> start() {
        JsonObject config = config();
        pool = MySQLBuilder.pool()
                .with(new PoolOptions().setMaxSize(2))
                .connectingTo(MySQLConnectOptions.fromUri(config.getString("mysql.uri"))
                        .setCharset("utf8mb4")
                        .setCollation("utf8mb4_unicode_ci"))
                .using(vertx)
                .build();
        redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(config.getString("redis.uri")));
        RedisAPI api = RedisAPI.api(redis);
        String prefix = config.getString("redis.keyPrefix");
        calls = new HotlineCalls(pool, Clock.systemUTC(), config.getString("cti.recordingVariable"));
        live = new LiveEvents(api, prefix);
        history = new CitizenHistory(pool);
        long leaseMillis = config.getLong("cti.leaseMillis");
        lease = new SwitchLease(
                api,
                prefix + "cti:lease",
                "hub@" + ProcessHandle.current().pid() + "/" + UUID.randomUUID(),
                leaseMillis);
        settings = EslSettings.hotline(
                        config.getString("cti.host"), config.getInteger("cti.port"), config.getString("cti.password"))
                .withBackoff(
                        Duration.ofMillis(config.getLong("cti.backoffInitialMillis")),
                        Duration.ofMillis(config.getLong("cti.backoffMaxMillis")));
        leaseTimer = vertx.setPeriodic(1, Math.max(50, leaseMillis / 3), id -> keepLease());
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        stopping = true;
        vertx.cancelTimer(leaseTimer);
        Future<Void> closed = client == null ? Future.succeededFuture() : client.close();
        client = null;
        return closed.eventually(() -> lease.release())
                .eventually(() -> redis.close())
                .eventually(() -> pool.close());
    }

    private void keepLease() {
        lease.hold()
                .onSuccess(held -> {
                    if (stopping) {
                        return;
                    }
                    if (held && client == null) {
                        log.info("This hub holds the switch lease; connecting to {}", settings);
                        client = new EslClient(settings, new Listener(vertx.getOrCreateContext()));
                        client.start();
                    } else if (!held && client != null) {
                        log.info("Another hub holds the switch lease; disconnecting");
                        client.close();
                        client = null;
                    }
                })
                .onFailure(failure -> log.warn("Could not renew the switch lease", failure));
    }

    private void handle(EslEvent event) {
        String callId = event.uniqueId().orElse("");
        if (callId.isEmpty() || callId.length() > MAX_CALL_ID) {
            log.warn("Skipped a {} event without a usable Unique-ID", event.name());
            return;
        }
        Future<?> stored =
                switch (event.name()) {
                    case EslEvent.CHANNEL_ANSWER -> calls.answered(event)
                            .compose(created -> created ? screenPop(event) : Future.succeededFuture());
                    case EslEvent.CHANNEL_HANGUP_COMPLETE -> calls.ended(event);
                    default -> Future.succeededFuture();
                };
        stored.onFailure(failure -> log.warn("Handling {} of call {} failed", event.name(), callId, failure));
    }

    private Future<Void> screenPop(EslEvent event) {
        String extension = event.extension().orElse(null);
        if (extension == null) {
            return Future.succeededFuture();
        }
        String caller = event.callerNumber().orElse(null);
        return calls.userOfExtension(extension).compose(user -> {
            if (user.isEmpty()) {
                log.info("No agent has extension {}; no screen-pop", extension);
                return Future.succeededFuture();
            }
            Future<JsonObject> past = PhoneNumbers.normalise(caller)
                    .map(history::ofPhone)
                    .orElseGet(() -> Future.succeededFuture(new JsonObject()));
            return past.compose(found -> live.publish(
                    "user:" + user.get(),
                    new JsonObject()
                            .put("type", "screen-pop")
                            .put("callId", event.uniqueId().orElseThrow())
                            .put("caller", caller)
                            .put("extension", extension)
                            .put(
                                    "answeredAt",
                                    Times.iso(event.answeredAt()
                                            .orElse(Clock.systemUTC().instant())))
                            .put("history", found)));
        });
    }

    private final class Listener implements EslListener {

        private final Context context;

        Listener(Context context) {
            this.context = context;
        }

        @Override
        public void onEvent(EslEvent event) {
            context.runOnContext(v -> handle(event));
        }
    }
}
