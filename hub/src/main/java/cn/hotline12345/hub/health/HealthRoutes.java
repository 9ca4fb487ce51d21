package cn.hotline12345.hub.health;

import cn.hotline12345.hub.sla.CalendarHolder;
import cn.hotline12345.hub.sla.WorkingCalendar;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Pool;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

/**
 * {@code /health/live} (the process answers) and {@code /health/ready} (MariaDB and Redis answer too; operator
 * warnings such as a missing holiday calendar for the current or next year are listed without failing readiness).
 */
public final class HealthRoutes {

    private static final long CHECK_TIMEOUT_MS = 2_000;

    private final Pool pool;
    private final Redis redis;
    private final CalendarHolder calendars;

    public HealthRoutes(Pool pool, Redis redis, CalendarHolder calendars) {
        this.pool = pool;
        this.redis = redis;
        this.calendars = calendars;
    }

    /** A router to mount at {@code /health}. */
    public Router router(io.vertx.core.Vertx vertx) {
        Router router = Router.router(vertx);
        router.get("/live").handler(this::live);
        router.get("/ready").handler(this::ready);
        return router;
    }

    private void live(RoutingContext ctx) {
        send(ctx, 200, new JsonObject().put("status", "UP"));
    }

    private void ready(RoutingContext ctx) {
        Future<String> mysql = pool.query("SELECT 1")
                .execute()
                .timeout(CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .map("UP")
                .otherwise("DOWN");
        Future<String> redisState = redis.send(Request.cmd(Command.PING))
                .timeout(CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .map("UP")
                .otherwise("DOWN");
        Future.all(mysql, redisState).onComplete(done -> {
            boolean up = "UP".equals(mysql.result()) && "UP".equals(redisState.result());
            send(
                    ctx,
                    up ? 200 : 503,
                    new JsonObject()
                            .put("status", up ? "UP" : "DOWN")
                            .put(
                                    "checks",
                                    new JsonObject()
                                            .put("mysql", mysql.result())
                                            .put("redis", redisState.result()))
                            .put("warnings", new JsonArray(calendars.warnings(LocalDate.now(WorkingCalendar.ZONE)))));
        });
    }

    private static void send(RoutingContext ctx, int status, JsonObject body) {
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body.encode());
    }
}
