package cn.hotline12345.hub.live;

import static cn.hotline12345.hub.TestHub.get;
import static cn.hotline12345.hub.TestHub.postJson;
import static cn.hotline12345.hub.TestHub.tokenFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.hotline12345.hub.JsonSocket;
import cn.hotline12345.hub.TestHub;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The staff live socket: events published through Redis reach the sockets of their audience only. */
class LiveIT {

    @Test
    void eventsReachTheirAudienceOnly() throws Exception {
        try (JsonSocket agent = JsonSocket.open("/api/v1/live?token=" + tokenFor("AGENT", null));
                JsonSocket other = JsonSocket.open("/api/v1/live?token=" + tokenFor("DEPARTMENT_STAFF", 1L))) {
            String username =
                    agent.await(e -> "hello".equals(e.getString("type"))).getString("user");
            other.await(e -> "hello".equals(e.getString("type")));

            Vertx vertx = Vertx.vertx();
            try {
                LiveEvents events = new LiveEvents(
                        RedisAPI.api(Redis.createClient(vertx, TestHub.get().redisUri())),
                        TestHub.get().config().redisKeyPrefix());
                events.publish(
                                "user:" + username,
                                new JsonObject().put("type", "screen-pop").put("caller", "13900001111"))
                        .compose(done -> events.publish("role:AGENT", new JsonObject().put("type", "chat-queue")))
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);
            } finally {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
            assertThat(agent.await(e -> "screen-pop".equals(e.getString("type")))
                            .getString("caller"))
                    .isEqualTo("13900001111");
            agent.await(e -> "chat-queue".equals(e.getString("type")));
            assertThat(other.next(e -> true, 500)).isNull();
        }
    }

    @Test
    void ticketChangesRefreshTheQueuesOfCentreAndDepartmentStaff() throws Exception {
        try (JsonSocket agent = JsonSocket.open("/api/v1/live?token=" + tokenFor("AGENT", null));
                JsonSocket department = JsonSocket.open("/api/v1/live?token=" + tokenFor("DEPARTMENT_STAFF", 1L))) {
            agent.await(e -> "hello".equals(e.getString("type")));
            department.await(e -> "hello".equals(e.getString("type")));
            HttpResponse<String> created = postJson(
                    "/api/v1/requests",
                    new JsonObject()
                            .put("channel", "web")
                            .put("content", "桂花苑小区停水三天了，自来水一直没有来，请尽快处理。")
                            .put("citizen", new JsonObject().put("phone", "13700002468"))
                            .encode());
            assertThat(created.statusCode()).isEqualTo(201);
            agent.await(e -> "ticket-queues".equals(e.getString("type")));
            department.await(e -> "ticket-queues".equals(e.getString("type")));
        }
    }

    @Test
    void aSocketNeedsASession() {
        assertThat(get("/api/v1/live?token=nope").statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/live").statusCode()).isEqualTo(401);
        Throwable refused = catchThrowable(() -> JsonSocket.open("/api/v1/live?token=nope"));
        assertThat(refused).hasCauseInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) refused.getCause())
                        .getResponse()
                        .statusCode())
                .isEqualTo(401);
    }
}
