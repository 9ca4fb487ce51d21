package cn.hotline12345.hub.live;

import static cn.hotline12345.hub.TestHub.baseUrl;
import static cn.hotline12345.hub.TestHub.get;
import static cn.hotline12345.hub.TestHub.tokenFor;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hotline12345.hub.TestHub;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The staff live socket: events published through Redis reach the sockets of their audience only. */
class LiveIT {

    /** Opens a live socket and collects its text messages. */
    static WebSocket connect(String token, BlockingQueue<JsonObject> received) {
        return HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(
                        URI.create(baseUrl().replace("http://", "ws://") + "/api/v1/live?token=" + token),
                        new WebSocket.Listener() {
                            private final StringBuilder text = new StringBuilder();

                            @Override
                            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                                text.append(data);
                                if (last) {
                                    received.add(new JsonObject(text.toString()));
                                    text.setLength(0);
                                }
                                socket.request(1);
                                return null;
                            }
                        })
                .join();
    }

    @Test
    void eventsReachTheirAudienceOnly() throws Exception {
        BlockingQueue<JsonObject> agentSees = new LinkedBlockingQueue<>();
        BlockingQueue<JsonObject> otherSees = new LinkedBlockingQueue<>();
        String agent = tokenFor("AGENT", null);
        WebSocket agentSocket = connect(agent, agentSees);
        WebSocket otherSocket = connect(tokenFor("DEPARTMENT_STAFF", 1L), otherSees);
        JsonObject hello = agentSees.poll(10, TimeUnit.SECONDS);
        assertThat(hello.getString("type")).isEqualTo("hello");
        String username = hello.getString("user");
        assertThat(otherSees.poll(10, TimeUnit.SECONDS).getString("type")).isEqualTo("hello");

        Vertx vertx = Vertx.vertx();
        try {
            LiveEvents events = new LiveEvents(
                    RedisAPI.api(Redis.createClient(vertx, TestHub.get().redisUri())),
                    TestHub.get().config().redisKeyPrefix());
            events.publish(
                            "user:" + username,
                            new JsonObject().put("type", "screen-pop").put("caller", "13900001111"))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            events.publish("role:AGENT", new JsonObject().put("type", "chat-queue"))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        assertThat(agentSees.poll(10, TimeUnit.SECONDS).getString("caller")).isEqualTo("13900001111");
        assertThat(agentSees.poll(10, TimeUnit.SECONDS).getString("type")).isEqualTo("chat-queue");
        assertThat(otherSees.poll(500, TimeUnit.MILLISECONDS)).isNull();
        agentSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        otherSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    @Test
    void aSocketNeedsASession() {
        assertThat(get("/api/v1/live?token=nope").statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/live").statusCode()).isEqualTo(401);
        try {
            connect("nope", new LinkedBlockingQueue<>());
            throw new AssertionError("the socket opened without a session");
        } catch (CompletionException expected) {
            assertThat(expected.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            assertThat(((WebSocketHandshakeException) expected.getCause())
                            .getResponse()
                            .statusCode())
                    .isEqualTo(401);
        }
    }
}
