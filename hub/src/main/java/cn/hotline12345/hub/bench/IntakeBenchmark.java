package cn.hotline12345.hub.bench;

import cn.hotline12345.channels.ChannelId;
import cn.hotline12345.channels.InboundMessage;
import cn.hotline12345.hub.classify.Classifiers;
import cn.hotline12345.hub.ticket.NewTicket;
import cn.hotline12345.hub.ticket.TicketNumbers;
import cn.hotline12345.hub.ticket.TicketRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * The intake benchmark: N concurrent clients posting requests to a running hub, and the ceiling, the same durable
 * transaction (citizen upsert, ticket insert, first event) issued straight to the same MariaDB.
 */
public final class IntakeBenchmark {

    private static final String[] TEXTS = {
        "市民来电反映：江北区建设路88号幸福里小区门口路灯不亮已有半个月，夜间出行不便，希望尽快维修。",
        "东湖街道滨江花园小区楼下烧烤店油烟很大，晚上十二点还在营业，严重影响休息。",
        "咨询一下灵活就业人员的养老保险怎么缴费，可以在手机上办理吗？",
        "南桥镇石桥村自来水这几天很浑浊，烧开后还有沉淀，请相关部门检测一下。"
    };

    private static final Classifiers.TicketClassification SAMPLE_DECISION =
            new Classifiers.TicketClassification("投诉", 0.91, "环境保护", 0.87, "category-bench+type-bench", false);

    private IntakeBenchmark() {}

    /** Posts {@code total} requests to {@code baseUrl} from {@code clients} concurrent HTTP clients. */
    public static JsonObject overHttp(String baseUrl, int clients, int total, int warmup) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        try {
            WebClient client = LoadRun.client(vertx, baseUrl, clients);
            String run = UUID.randomUUID().toString().substring(0, 8);
            IntFunction<Future<?>> post = i -> client.post("/api/v1/requests")
                    .putHeader("Content-Type", "application/json")
                    .sendBuffer(Buffer.buffer(body(run, i).encode()))
                    .compose(IntakeBenchmark::expectCreated);
            if (warmup > 0) {
                new LoadRun(vertx, clients, warmup, i -> post.apply(total + i)).run();
            }
            JsonObject result = new LoadRun(vertx, clients, total, post).run();
            return result.put("target", "hub intake over HTTP " + baseUrl);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** Issues the intake's transaction {@code total} times straight to MariaDB through a pool of {@code poolSize}. */
    public static JsonObject direct(String mysqlUri, int clients, int total, int warmup, int poolSize) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        try {
            Pool pool = MySQLBuilder.pool()
                    .with(new PoolOptions().setMaxSize(poolSize).setMaxWaitQueueSize(100_000))
                    .connectingTo(MySQLConnectOptions.fromUri(mysqlUri)
                            .setCharset("utf8mb4")
                            .setCachePreparedStatements(true))
                    .using(vertx)
                    .build();
            TicketRepository tickets = new TicketRepository(pool);
            Clock clock = Clock.systemUTC();
            String run = UUID.randomUUID().toString().substring(0, 8);
            TicketNumbers numbers = new TicketNumbers(pool, clock, 50);
            IntFunction<Future<?>> transaction = i -> {
                Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                JsonObject body = body(run, i);
                InboundMessage message = new InboundMessage(
                        ChannelId.APP,
                        body.getString("externalId"),
                        body.getString("content").substring(0, 20),
                        body.getString("content"),
                        "测试用户",
                        body.getJsonObject("citizen").getString("phone"),
                        null,
                        null,
                        false,
                        now);
                return numbers.next()
                        .compose(no -> tickets.insert(new NewTicket(message, null, "bench", SAMPLE_DECISION), no, now));
            };
            if (warmup > 0) {
                new LoadRun(vertx, clients, warmup, i -> transaction.apply(total + i)).run();
            }
            JsonObject result = new LoadRun(vertx, clients, total, transaction).run();
            pool.close();
            return result.put(
                    "target",
                    "direct transactions on "
                            + MySQLConnectOptions.fromUri(mysqlUri).getHost() + ":"
                            + MySQLConnectOptions.fromUri(mysqlUri).getPort());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private static Future<Void> expectCreated(HttpResponse<Buffer> response) {
        return response.statusCode() == 201
                ? Future.succeededFuture()
                : Future.failedFuture("HTTP " + response.statusCode() + ": " + response.bodyAsString());
    }

    private static JsonObject body(String run, int i) {
        return new JsonObject()
                .put("channel", "app")
                .put("externalId", "bench-" + run + "-" + i)
                .put("content", TEXTS[i % TEXTS.length])
                .put(
                        "citizen",
                        new JsonObject()
                                .put("name", "测试用户")
                                .put("phone", String.format(Locale.ROOT, "139%08d", i % 50_000)));
    }
}
