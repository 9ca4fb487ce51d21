package cn.hotline12345.hub.hotline;

import cn.hotline12345.hub.TestHub;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A staff member's live WebSocket on the shared hub, collecting the events it receives. */
final class LiveSocket implements AutoCloseable {

    private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    private LiveSocket(String token) throws Exception {
        URI uri = URI.create("ws://127.0.0.1:" + TestHub.get().httpPort() + "/api/v1/live?token=" + token);
        socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            received.add(new JsonObject(text.toString()));
                            text.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                })
                .get(10, TimeUnit.SECONDS);
    }

    /** Opens the socket of the holder of {@code token} and waits for the hub's greeting. */
    static LiveSocket open(String token) throws Exception {
        LiveSocket live = new LiveSocket(token);
        if (live.next(e -> "hello".equals(e.getString("type")), 10_000) == null) {
            throw new AssertionError("The live socket did not say hello");
        }
        return live;
    }

    /** The first event matching {@code wanted} within {@code millis}, or null. */
    JsonObject next(Predicate<JsonObject> wanted, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            JsonObject event = received.poll(left, TimeUnit.NANOSECONDS);
            if (event != null && wanted.test(event)) {
                return event;
            }
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
}
