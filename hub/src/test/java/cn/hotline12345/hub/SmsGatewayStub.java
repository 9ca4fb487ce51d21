package cn.hotline12345.hub;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for an SMS provider's HTTP API, as the hub's SMS gateway adapter talks to it: records every message it
 * accepts and can be told to refuse the next few with 503.
 */
public final class SmsGatewayStub {

    private final HttpServer server;
    private final List<JsonObject> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    private SmsGatewayStub(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free loopback port. */
    public static SmsGatewayStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            SmsGatewayStub stub = new SmsGatewayStub(server);
            server.createContext("/sms", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                int status;
                if (stub.failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    stub.refused.incrementAndGet();
                    status = 503;
                } else {
                    stub.accepted.add(new JsonObject(new String(body, StandardCharsets.UTF_8))
                            .put("authorization", exchange.getRequestHeaders().getFirst("Authorization")));
                    status = 200;
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL the hub posts to. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    /** Messages accepted so far. */
    public List<JsonObject> accepted() {
        return List.copyOf(accepted);
    }

    /** Messages accepted for {@code phone} whose text contains {@code text}. */
    public List<JsonObject> to(String phone, String text) {
        return accepted.stream()
                .filter(m ->
                        phone.equals(m.getString("to")) && m.getString("text").contains(text))
                .toList();
    }

    /** Refuses the next {@code count} requests with 503. */
    public void failNext(int count) {
        failNext.set(count);
    }

    /** How many requests were refused. */
    public int refused() {
        return refused.get();
    }
}
