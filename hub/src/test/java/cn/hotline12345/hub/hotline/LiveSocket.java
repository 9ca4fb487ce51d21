package cn.hotline12345.hub.hotline;

import cn.hotline12345.hub.JsonSocket;
import io.vertx.core.json.JsonObject;
import java.util.function.Predicate;

/** A staff user's live socket on the shared test hub, greeted before it is handed out. */
final class LiveSocket implements AutoCloseable {

    private final JsonSocket socket;

    private LiveSocket(JsonSocket socket) {
        this.socket = socket;
    }

    /** Opens the socket of the holder of {@code token} and waits for the hub's greeting. */
    static LiveSocket open(String token) throws Exception {
        JsonSocket socket = JsonSocket.open("/api/v1/live?token=" + token);
        if (socket.next(e -> "hello".equals(e.getString("type")), 10_000) == null) {
            throw new AssertionError("The live socket did not say hello");
        }
        return new LiveSocket(socket);
    }

    /** The first event matching {@code wanted} within {@code millis}, or null. */
    JsonObject next(Predicate<JsonObject> wanted, long millis) throws InterruptedException {
        return socket.next(wanted, millis);
    }

    @Override
    public void close() {
        socket.close();
    }
}
