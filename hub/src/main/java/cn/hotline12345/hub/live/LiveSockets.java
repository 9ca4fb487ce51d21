package cn.hotline12345.hub.live;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The live sockets one HTTP verticle holds, by audience. Events from {@link LiveBridge} are written to the sockets of
 * their audience; a ping every {@value #HEARTBEAT_MILLIS} ms keeps idle sockets open through proxies. Confined to the
 * verticle's event loop.
 */
public final class LiveSockets {

    private static final long HEARTBEAT_MILLIS = 25_000;

    private final Vertx vertx;
    private final Map<String, Set<ServerWebSocket>> byAudience = new HashMap<>();

    public LiveSockets(Vertx vertx) {
        this.vertx = vertx;
        vertx.eventBus().<String>localConsumer(LiveBridge.ADDRESS, message -> deliver(message.body()));
    }

    /** Sends this hub's events for {@code audiences} to {@code socket} until it closes. */
    public void attach(ServerWebSocket socket, Collection<String> audiences) {
        List<String> subscribed = List.copyOf(audiences);
        subscribed.forEach(
                a -> byAudience.computeIfAbsent(a, k -> new LinkedHashSet<>()).add(socket));
        long heartbeat = vertx.setPeriodic(HEARTBEAT_MILLIS, id -> {
            if (!socket.isClosed()) {
                socket.writePing(Buffer.buffer("hb"));
            }
        });
        socket.closeHandler(closed -> {
            vertx.cancelTimer(heartbeat);
            subscribed.forEach(a -> {
                Set<ServerWebSocket> sockets = byAudience.get(a);
                if (sockets != null) {
                    sockets.remove(socket);
                    if (sockets.isEmpty()) {
                        byAudience.remove(a);
                    }
                }
            });
        });
    }

    private void deliver(String envelope) {
        JsonObject parsed;
        try {
            parsed = new JsonObject(envelope);
        } catch (DecodeException e) {
            return;
        }
        Set<ServerWebSocket> sockets = byAudience.get(parsed.getString("to"));
        if (sockets == null) {
            return;
        }
        String text = parsed.getJsonObject("event", new JsonObject()).encode();
        for (ServerWebSocket socket : List.copyOf(sockets)) {
            if (!socket.isClosed() && !socket.writeQueueFull()) {
                socket.writeTextMessage(text);
            }
        }
    }
}
