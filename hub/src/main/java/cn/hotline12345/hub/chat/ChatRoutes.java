package cn.hotline12345.hub.chat;

import cn.hotline12345.channels.ChannelId;
import cn.hotline12345.channels.Identity;
import cn.hotline12345.channels.PhoneNumbers;
import cn.hotline12345.hub.account.Authentication;
import cn.hotline12345.hub.account.Role;
import cn.hotline12345.hub.account.StaffUser;
import cn.hotline12345.hub.http.ApiException;
import cn.hotline12345.hub.http.JsonInput;
import cn.hotline12345.hub.http.Responses;
import cn.hotline12345.hub.live.LiveSockets;
import cn.hotline12345.hub.miniprogram.CitizenSessions;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Live chat over HTTP: the citizen's socket ({@code /api/v1/miniprogram/chat} with the mini-program session token, or
 * {@code /api/v1/chat/socket} with a browser's visitor id) and the agents' endpoints under {@code /api/v1/chats}
 * (queue, take, write, make a ticket, end). Agents hear chat lines on their live socket ({@code /api/v1/live}).
 *
 * <p>A citizen socket receives {@code chat-history} on connect, then {@code chat-line} and {@code chat-state} events;
 * it sends {@code {"type":"message","text":…}}, {@code {"type":"person"}} (ask for a person) or {@code
 * {"type":"close"}}. Mistakes get {@code {"type":"error","detail":…}} and the socket stays open.
 */
public final class ChatRoutes {

    private static final Role[] CENTRE = {Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN};
    private static final int BURST = 10;
    private static final long BURST_WINDOW_MILLIS = 10_000;

    private final ChatService chats;
    private final CitizenSessions citizens;
    private final LiveSockets sockets;
    private final Authentication authentication;

    public ChatRoutes(ChatService chats, CitizenSessions citizens, LiveSockets sockets, Authentication authentication) {
        this.chats = chats;
        this.citizens = citizens;
        this.sockets = sockets;
        this.authentication = authentication;
    }

    /** Adds the citizen sockets to the root router and the agents' endpoints to the {@code /api/v1} router. */
    public void mount(Router root, Router api) {
        if (citizens != null) {
            root.get("/api/v1/miniprogram/chat").handler(this::miniProgramSocket);
        }
        root.get("/api/v1/chat/socket").handler(this::visitorSocket);
        api.get("/chats/queue").handler(authentication.require(CENTRE)).handler(this::queue);
        api.get("/chats/mine").handler(authentication.require(CENTRE)).handler(this::mine);
        api.get("/chats/:id").handler(authentication.require(CENTRE)).handler(this::show);
        api.post("/chats/:id/take").handler(authentication.require(CENTRE)).handler(this::take);
        api.post("/chats/:id/messages").handler(authentication.require(CENTRE)).handler(this::write);
        api.post("/chats/:id/ticket").handler(authentication.require(CENTRE)).handler(this::ticket);
        api.post("/chats/:id/close").handler(authentication.require(CENTRE)).handler(this::close);
    }

    private void miniProgramSocket(RoutingContext ctx) {
        String token = ctx.request().getParam("token");
        if (!isUpgrade(ctx)) {
            return;
        }
        ctx.request().pause();
        citizens.find(token)
                .onSuccess(found -> found.ifPresentOrElse(
                        session -> {
                            List<Identity> ids = new ArrayList<>();
                            ids.add(Identity.verified(Identity.Kind.MINIPROGRAM_OPENID, session.openid()));
                            if (session.unionid() != null) {
                                ids.add(Identity.verified(Identity.Kind.WECHAT_UNIONID, session.unionid()));
                            }
                            connect(ctx, ChannelId.MINIPROGRAM, session.openid(), ids);
                        },
                        () -> ctx.fail(new ApiException(401, "unauthorized", "请先登录小程序，或登录已过期", List.of()))))
                .onFailure(ctx::fail);
    }

    private void visitorSocket(RoutingContext ctx) {
        String visitor = ctx.request().getParam("visitor");
        if (visitor == null || !visitor.matches("[0-9a-zA-Z_-]{16,64}")) {
            ctx.fail(ApiException.invalid("visitor", "访客标识（visitor）须为 16–64 位字母、数字、下划线或连字符"));
            return;
        }
        if (!isUpgrade(ctx)) {
            return;
        }
        ctx.request().pause();
        connect(ctx, ChannelId.WEB, "visitor:" + visitor, List.of());
    }

    private boolean isUpgrade(RoutingContext ctx) {
        if (!"websocket".equalsIgnoreCase(ctx.request().getHeader("Upgrade"))) {
            ctx.fail(new ApiException(400, "websocket-required", "该地址需以 WebSocket 方式连接", List.of()));
            return false;
        }
        return true;
    }

    private void connect(RoutingContext ctx, ChannelId channel, String citizenKey, List<Identity> identities) {
        chats.open(channel, citizenKey, identities)
                .compose(chat -> chats.lines(chat.id())
                        .compose(lines -> ctx.request().toWebSocket().map(socket -> {
                            sockets.attach(socket, List.of("chat:" + chat.id()));
                            socket.writeTextMessage(new JsonObject()
                                    .put("type", "chat-history")
                                    .put("chat", chat.toJson())
                                    .put("lines", lines)
                                    .encode());
                            listen(socket, chat.id());
                            return socket;
                        })))
                .onFailure(ctx::fail);
    }

    private void listen(ServerWebSocket socket, String chatId) {
        long[] window = {System.currentTimeMillis(), 0};
        socket.textMessageHandler(text -> {
            long now = System.currentTimeMillis();
            if (now - window[0] > BURST_WINDOW_MILLIS) {
                window[0] = now;
                window[1] = 0;
            }
            if (++window[1] > BURST) {
                error(socket, "发送过于频繁，请稍后再试");
                return;
            }
            JsonObject frame;
            try {
                frame = new JsonObject(text);
            } catch (DecodeException e) {
                error(socket, "消息格式不正确，应为 JSON 对象");
                return;
            }
            Future<?> done;
            switch (String.valueOf(frame.getValue("type"))) {
                case "message" -> {
                    Object value = frame.getValue("text");
                    String line = value instanceof String s ? s.strip() : "";
                    if (line.isEmpty() || line.length() > ChatService.MAX_LINE) {
                        error(socket, "消息须为 1–" + ChatService.MAX_LINE + " 字的文字");
                        return;
                    }
                    done = chats.fromCitizen(chatId, line);
                }
                case "person" -> done = chats.requestPerson(chatId);
                case "close" -> done = chats.close(chatId, "citizen");
                default -> {
                    error(socket, "不支持的消息类型，应为 message、person 或 close");
                    return;
                }
            }
            done.onFailure(failure ->
                    error(socket, failure instanceof ApiException problem ? problem.getMessage() : "消息未能处理，请稍后重试"));
        });
        socket.binaryMessageHandler(binary -> error(socket, "仅支持文字消息"));
    }

    private static void error(ServerWebSocket socket, String detail) {
        if (!socket.isClosed()) {
            socket.writeTextMessage(
                    new JsonObject().put("type", "error").put("detail", detail).encode());
        }
    }

    private void queue(RoutingContext ctx) {
        chats.queue()
                .onSuccess(items -> Responses.json(ctx, 200, new JsonObject().put("items", items)))
                .onFailure(ctx::fail);
    }

    private void mine(RoutingContext ctx) {
        chats.servedBy(Authentication.user(ctx).username())
                .onSuccess(items -> Responses.json(ctx, 200, new JsonObject().put("items", items)))
                .onFailure(ctx::fail);
    }

    private void show(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        chats.get(id)
                .compose(chat -> chats.lines(id).map(lines -> chat.toJson().put("lines", lines)))
                .onSuccess(body -> Responses.json(ctx, 200, body))
                .onFailure(ctx::fail);
    }

    private void take(RoutingContext ctx) {
        chats.take(ctx.pathParam("id"), Authentication.user(ctx))
                .onSuccess(chat -> Responses.json(ctx, 200, chat.toJson()))
                .onFailure(ctx::fail);
    }

    private void write(RoutingContext ctx) {
        JsonInput in = JsonInput.of(ctx);
        String text = in.requiredText("text", "消息", ChatService.MAX_LINE);
        in.throwIfInvalid();
        chats.fromAgent(ctx.pathParam("id"), Authentication.user(ctx), text)
                .onSuccess(done -> ctx.response().setStatusCode(204).end())
                .onFailure(ctx::fail);
    }

    private void ticket(RoutingContext ctx) {
        JsonInput in = JsonInput.of(ctx);
        String title = in.text("title", "标题", 100);
        String content = in.text("content", "诉求摘要", 2_000);
        String name = in.text("name", "姓名", 50);
        String rawPhone = in.text("phone", "联系电话", 32);
        String address = in.text("address", "地址", 200);
        String phone = null;
        if (rawPhone != null) {
            phone = PhoneNumbers.normalise(rawPhone).orElse(null);
            if (phone == null) {
                in.reject("phone", "联系电话格式不正确");
            }
        }
        in.throwIfInvalid();
        StaffUser agent = Authentication.user(ctx);
        chats.toTicket(ctx.pathParam("id"), agent, new ChatService.TicketDraft(title, content, name, phone, address))
                .onSuccess(ticketNo -> Responses.json(ctx, 201, new JsonObject().put("ticketNo", ticketNo)))
                .onFailure(ctx::fail);
    }

    private void close(RoutingContext ctx) {
        chats.close(ctx.pathParam("id"), Authentication.user(ctx).actor())
                .onSuccess(chat -> Responses.json(ctx, 200, chat.toJson()))
                .onFailure(ctx::fail);
    }
}
