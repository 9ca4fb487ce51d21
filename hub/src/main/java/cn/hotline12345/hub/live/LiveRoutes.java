package cn.hotline12345.hub.live;

import cn.hotline12345.hub.account.Authentication;
import cn.hotline12345.hub.account.Sessions;
import cn.hotline12345.hub.account.StaffUser;
import cn.hotline12345.hub.http.ApiException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The staff live socket {@code GET /api/v1/live}: a WebSocket that carries screen-pops (来电弹屏), queue changes and
 * chat lines to a signed-in user. Browsers cannot set headers on a WebSocket, so the session token may come as the
 * {@code token} query parameter. A user hears events for {@code user:<username>}, {@code role:<ROLE>}, {@code staff}
 * and, for department staff, {@code dept:<id>}.
 */
public final class LiveRoutes {

    private final Sessions sessions;
    private final LiveSockets sockets;

    public LiveRoutes(Sessions sessions, LiveSockets sockets) {
        this.sessions = sessions;
        this.sockets = sockets;
    }

    /** Adds the socket route to the root router, ahead of the body-reading {@code /api/v1} router. */
    public void mount(Router root) {
        root.get("/api/v1/live").handler(this::open);
    }

    private void open(RoutingContext ctx) {
        String token = ctx.request().getParam("token");
        if (token == null) {
            token = Authentication.bearer(ctx);
        }
        if (token == null || token.isBlank() || token.length() > 200) {
            ctx.fail(unauthorized());
            return;
        }
        ctx.request().pause();
        sessions.find(token)
                .onSuccess(found -> found.ifPresentOrElse(user -> upgrade(ctx, user), () -> ctx.fail(unauthorized())))
                .onFailure(ctx::fail);
    }

    private void upgrade(RoutingContext ctx, StaffUser user) {
        if (!"websocket".equalsIgnoreCase(ctx.request().getHeader("Upgrade"))) {
            ctx.fail(new ApiException(400, "websocket-required", "该地址需以 WebSocket 方式连接", List.of()));
            return;
        }
        ctx.request()
                .toWebSocket()
                .onSuccess(socket -> {
                    sockets.attach(socket, audiences(user));
                    socket.writeTextMessage(new JsonObject()
                            .put("type", "hello")
                            .put("user", user.username())
                            .encode());
                })
                .onFailure(ctx::fail);
    }

    /** The audiences a staff user's socket hears. */
    public static List<String> audiences(StaffUser user) {
        List<String> audiences = new ArrayList<>();
        audiences.add("user:" + user.username());
        audiences.add("role:" + user.role().name());
        audiences.add("staff");
        if (user.departmentId() != null) {
            audiences.add("dept:" + user.departmentId());
        }
        return audiences;
    }

    private static ApiException unauthorized() {
        return new ApiException(401, "unauthorized", "请先登录，或登录已过期", List.of());
    }
}
