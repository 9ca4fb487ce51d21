package cn.hotline12345.hub;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A test's end of one of the hub's WebSockets that speak JSON text frames (live events, chats). */
public final class JsonSocket implements AutoCloseable {

    private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    private JsonSocket(URI uri) throws Exception {
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

    /** Opens {@code ws://127.0.0.1:<port><path>}. */
    public static JsonSocket open(int port, String path) throws Exception {
        return new JsonSocket(URI.create("ws://127.0.0.1:" + port + path));
    }

    /** Opens a path of the shared test hub. */
    public static JsonSocket open(String path) throws Exception {
        return open(TestHub.get().httpPort(), path);
    }

    /** The first message matching {@code wanted} within {@code millis}, or null. */
    public JsonObject next(Predicate<JsonObject> wanted, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            JsonObject message = received.poll(left, TimeUnit.NANOSECONDS);
            if (message != null && wanted.test(message)) {
                return message;
            }
        }
    }

    /** The first message matching {@code wanted} within 15 s; fails the test otherwise. */
    public JsonObject await(Predicate<JsonObject> wanted) throws InterruptedException {
        JsonObject found = next(wanted, 15_000);
        if (found == null) {
            throw new AssertionError("no matching message arrived on the socket");
        }
        return found;
    }

    /** Whether a message matching {@code wanted} has arrived and not been taken yet. */
    public boolean holds(Predicate<JsonObject> wanted) {
        return received.stream().anyMatch(wanted);
    }

    /** Sends a JSON frame. */
    public void send(JsonObject frame) {
        sendText(frame.encode());
    }

    /** Sends any text frame. */
    public void sendText(String text) {
        socket.sendText(text, true).join();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }
}
