package cn.hotline12345.hub.chat;

import cn.hotline12345.channels.ChannelId;
import cn.hotline12345.channels.Identity;
import cn.hotline12345.channels.InboundMessage;
import cn.hotline12345.hub.account.StaffUser;
import cn.hotline12345.hub.attachment.Attachments;
import cn.hotline12345.hub.http.ApiException;
import cn.hotline12345.hub.http.Times;
import cn.hotline12345.hub.intake.IntakeService;
import cn.hotline12345.hub.kb.KbIndexHolder;
import cn.hotline12345.hub.live.LiveEvents;
import cn.hotline12345.hub.sla.WorkingCalendar;
import cn.hotline12345.hub.ticket.NewTicket;
import cn.hotline12345.hub.wechat.WeChatApi;
import cn.hotline12345.kb.Answer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live chat (在线客服): the bot answers from the knowledge base and hands the citizen over to a person on request or
 * after two answers in a row found nothing; an agent takes the chat from the queue, both sides write, the agent may
 * make a ticket of it, and the transcript is saved to the ticket and archived when the chat ends.
 *
 * <p>All state lives in Redis (the conversation, its lines, the queue), so a chat survives a hub restart and works
 * whichever hub the citizen's and the agent's sockets are on; lines reach the sockets as live events.
 */
public final class ChatService {

    /** Bot turns in a row without an answer after which the chat goes to a person. */
    public static final int MISSES_BEFORE_HANDOVER = 2;

    /** Longest line accepted. */
    public static final int MAX_LINE = 1_000;

    private static final Logger log = LoggerFactory.getLogger(ChatService.class);
    private static final Pattern WANTS_PERSON = Pattern.compile("人工|转人工|客服人员|真人|找人");
    private static final long TTL_SECONDS = 2 * 24 * 3600;
    private static final String WELCOME = "您好，我是12345智能客服。请直接输入您要咨询的问题；需要人工服务请发送“人工”。";

    private final RedisAPI redis;
    private final String prefix;
    private final LiveEvents live;
    private final KbIndexHolder kb;
    private final IntakeService intake;
    private final Attachments attachments;
    private final Pool pool;
    private final Clock clock;
    private final Optional<WeChatApi> wechat;

    public ChatService(
            RedisAPI redis,
            String keyPrefix,
            LiveEvents live,
            KbIndexHolder kb,
            IntakeService intake,
            Attachments attachments,
            Pool pool,
            Clock clock,
            Optional<WeChatApi> wechat) {
        this.redis = redis;
        this.prefix = keyPrefix + "chat:";
        this.live = live;
        this.kb = kb;
        this.intake = intake;
        this.attachments = attachments;
        this.pool = pool;
        this.clock = clock;
        this.wechat = wechat;
    }

    /** The citizen's open chat on this channel, or a new one greeted by the bot. */
    public Future<Conversation> open(ChannelId channel, String citizenKey, List<Identity> identities) {
        String pointer = pointer(channel, citizenKey);
        return redis.get(pointer)
                .compose(
                        id -> id == null ? Future.succeededFuture(Optional.<Conversation>empty()) : find(id.toString()))
                .compose(found -> {
                    if (found.isPresent() && found.get().state() != ChatState.CLOSED) {
                        return Future.succeededFuture(found.get());
                    }
                    Conversation created = new Conversation(
                            UUID.randomUUID().toString().replace("-", ""),
                            channel,
                            citizenKey,
                            identities,
                            ChatState.BOT,
                            null,
                            null,
                            null,
                            0,
                            clock.instant(),
                            null);
                    return save(created)
                            .compose(saved ->
                                    redis.set(List.of(pointer, created.id(), "EX", String.valueOf(TTL_SECONDS))))
                            .compose(pointed -> append(created, "bot", WELCOME, "智能客服"))
                            .map(created);
                });
    }

    /** The citizen's chat on this channel that has not ended, if any. */
    public Future<Optional<Conversation>> current(ChannelId channel, String citizenKey) {
        return redis.get(pointer(channel, citizenKey))
                .compose(
                        id -> id == null ? Future.succeededFuture(Optional.<Conversation>empty()) : find(id.toString()))
                .map(found -> found.filter(chat -> chat.state() != ChatState.CLOSED));
    }

    /**
     * Queues a chat for a person straight away — for channels without a bot of their own, such as the official account,
     * whose followers ask for a person by message — carrying the ticket already registered for it, if any.
     */
    public Future<Conversation> queue(
            ChannelId channel, String citizenKey, List<Identity> identities, String ticketNo, String firstLine) {
        Conversation created = new Conversation(
                UUID.randomUUID().toString().replace("-", ""),
                channel,
                citizenKey,
                identities,
                ChatState.BOT,
                null,
                null,
                ticketNo,
                0,
                clock.instant(),
                null);
        return save(created)
                .compose(saved -> redis.set(
                        List.of(pointer(channel, citizenKey), created.id(), "EX", String.valueOf(TTL_SECONDS))))
                .compose(pointed -> append(created, "citizen", firstLine, null))
                .compose(said -> handover(created))
                .map(created.waiting(clock.instant()));
    }

    /** The chat with this id, if it is still kept. */
    public Future<Optional<Conversation>> find(String id) {
        if (id == null || !id.matches("[0-9a-f]{32}")) {
            return Future.succeededFuture(Optional.empty());
        }
        return redis.get(key(id)).map(value -> {
            if (value == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(Conversation.fromStored(new JsonObject(value.toString())));
            } catch (DecodeException | IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /** The chat with this id, or a 404 problem. */
    public Future<Conversation> get(String id) {
        return find(id).map(found -> found.orElseThrow(() -> ApiException.notFound("会话不存在或已过期")));
    }

    /** Every line of a chat, oldest first. */
    public Future<JsonArray> lines(String id) {
        return redis.lrange(key(id) + ":lines", "0", "-1").map(ChatService::parseLines);
    }

    /** A line from the citizen: the bot answers it, or it waits for or goes to the agent. */
    public Future<Void> fromCitizen(String id, String text) {
        return get(id).compose(chat -> {
            if (chat.state() == ChatState.CLOSED) {
                return Future.failedFuture(ApiException.conflict("会话已结束，请重新发起咨询"));
            }
            Future<Void> said = append(chat, "citizen", text, null);
            if (chat.state() != ChatState.BOT) {
                return said;
            }
            if (WANTS_PERSON.matcher(text).find()) {
                return said.compose(done -> handover(chat));
            }
            return said.compose(done -> botAnswer(chat, text));
        });
    }

    /** The citizen asks for a person. */
    public Future<Void> requestPerson(String id) {
        return get(id).compose(chat -> chat.state() == ChatState.BOT ? handover(chat) : Future.succeededFuture());
    }

    /** Chats waiting for an agent, longest waiting first. */
    public Future<JsonArray> queue() {
        return redis.zrange(List.of(prefix + "queue", "0", "99")).compose(ids -> describe(ids, 0, new JsonArray()));
    }

    /** The chats an agent is serving. */
    public Future<JsonArray> servedBy(String username) {
        return redis.smembers(prefix + "agent:" + username).compose(ids -> describe(ids, 0, new JsonArray()));
    }

    /** An agent takes a waiting chat; 409 when someone else was quicker or it ended. */
    public Future<Conversation> take(String id, StaffUser agent) {
        return redis.zrem(List.of(prefix + "queue", id)).compose(removed -> {
            if (removed == null || removed.toInteger() != 1) {
                return Future.failedFuture(ApiException.conflict("该会话已被其他话务员接入或已结束"));
            }
            return get(id).compose(chat -> {
                Conversation taken = chat.takenBy(agent.username(), agent.displayName());
                return save(taken)
                        .compose(saved -> redis.sadd(List.of(prefix + "agent:" + agent.username(), id)))
                        .compose(added -> append(taken, "system", "话务员" + agent.displayName() + "为您服务。", null))
                        .onSuccess(done -> deliver(taken, "话务员" + agent.displayName() + "为您服务，请问有什么可以帮您？"))
                        .compose(done -> announce(taken))
                        .compose(done -> live.publish("role:AGENT", queueChanged()))
                        .map(taken);
            });
        });
    }

    /** A line from the agent serving the chat. */
    public Future<Void> fromAgent(String id, StaffUser agent, String text) {
        return serving(id, agent).compose(chat -> append(chat, "agent", text, agent.displayName())
                .onSuccess(done -> deliver(chat, text)));
    }

    /**
     * Makes a ticket of the chat (once: a second call answers the same number), with the citizen's lines as its
     * content and the transcript attached.
     */
    public Future<String> toTicket(String id, StaffUser agent, TicketDraft draft) {
        return serving(id, agent).compose(chat -> {
            if (chat.ticketNo() != null) {
                return Future.succeededFuture(chat.ticketNo());
            }
            return lines(id).compose(lines -> {
                StringBuilder content = new StringBuilder();
                for (Object line : lines) {
                    JsonObject l = (JsonObject) line;
                    if ("citizen".equals(l.getString("from"))) {
                        content.append(l.getString("text")).append('\n');
                    }
                }
                if (draft.content() != null) {
                    content.insert(0, draft.content() + "\n");
                }
                if (content.toString().isBlank()) {
                    return Future.failedFuture(ApiException.invalid("content", "会话中还没有市民的诉求内容，请填写诉求内容"));
                }
                InboundMessage message = new InboundMessage(
                        chat.channel(),
                        "chat:" + chat.id(),
                        draft.title(),
                        content.toString().strip(),
                        draft.name(),
                        draft.phone(),
                        draft.address(),
                        null,
                        false,
                        clock.instant(),
                        chat.identities());
                return intake.submit(new NewTicket(message, null, agent.actor(), null))
                        .compose(outcome -> attachments
                                .attach(outcome.ticket().id(), List.of(transcript(chat, lines)), agent.actor())
                                .map(outcome.ticket().ticketNo()))
                        .compose(ticketNo -> save(chat.withTicket(ticketNo))
                                .compose(saved ->
                                        append(chat, "system", "已为您登记诉求，工单号：" + ticketNo + "。办理进度可在“我的诉求”中查看。", null))
                                .map(ticketNo));
            });
        });
    }

    /**
     * Ends the chat: it leaves the queue, the transcript is archived and, when a ticket was made of it, attached to
     * the ticket in its final form. Ending an ended chat does nothing.
     */
    public Future<Conversation> close(String id, String by) {
        return get(id).compose(chat -> {
            if (chat.state() == ChatState.CLOSED) {
                return Future.succeededFuture(chat);
            }
            Conversation closed = chat.with(ChatState.CLOSED);
            String farewell = "本次会话已结束，感谢您的咨询。如需继续反映问题，请重新发起咨询或拨打12345。";
            return append(chat, "system", farewell, null)
                    .onSuccess(done -> deliver(chat, farewell))
                    .compose(done -> save(closed))
                    .compose(saved -> redis.zrem(List.of(prefix + "queue", id)))
                    .compose(removed ->
                            redis.del(List.of(prefix + "open:" + chat.channel().id() + ":" + chat.citizenKey())))
                    .compose(deleted -> chat.agent() == null
                            ? Future.succeededFuture()
                            : redis.srem(List.of(prefix + "agent:" + chat.agent(), id))
                                    .mapEmpty())
                    .compose(done -> lines(id))
                    .compose(lines -> archive(closed, lines)
                            .compose(archived -> closed.ticketNo() == null
                                    ? Future.succeededFuture()
                                    : pool.preparedQuery(ChatSql.TICKET_ID)
                                            .execute(Tuple.of(closed.ticketNo()))
                                            .compose(rows -> rows.size() == 0
                                                    ? Future.<Void>succeededFuture()
                                                    : attachments.attach(
                                                            rows.iterator()
                                                                    .next()
                                                                    .getLong("id"),
                                                            List.of(transcript(closed, lines)),
                                                            by))))
                    .compose(done -> announce(closed))
                    .compose(done -> chat.state() == ChatState.WAITING
                            ? live.publish("role:AGENT", queueChanged())
                            : Future.succeededFuture())
                    .map(closed);
        });
    }

    /**
     * What an agent adds when making a ticket of a chat.
     *
     * @param title a subject, or null
     * @param content a summary placed before the citizen's lines, or null
     * @param name the citizen's name, or null
     * @param phone the citizen's phone as given in the chat (unverified), or null
     * @param address where, or null
     */
    public record TicketDraft(String title, String content, String name, String phone, String address) {}

    private Future<Conversation> serving(String id, StaffUser agent) {
        return get(id).compose(chat -> {
            if (chat.state() != ChatState.AGENT) {
                return Future.failedFuture(
                        ApiException.conflict("会话当前为“" + chat.state().displayName() + "”，请先接入"));
            }
            if (!agent.username().equals(chat.agent())) {
                return Future.failedFuture(new ApiException(403, "forbidden", "该会话由其他话务员接待", List.of()));
            }
            return Future.succeededFuture(chat);
        });
    }

    private Future<Void> botAnswer(Conversation chat, String text) {
        Answer answer = kb.index().ask(text, LocalDate.now(clock.withZone(WorkingCalendar.ZONE)));
        if (answer.answered()) {
            String source =
                    answer.source() == null ? "" : "\n（依据：" + answer.source().getString("title") + "）";
            return save(chat.missed(0)).compose(saved -> append(chat, "bot", answer.answer() + source, "智能客服"));
        }
        int misses = chat.misses() + 1;
        if (misses >= MISSES_BEFORE_HANDOVER) {
            return handover(chat);
        }
        StringBuilder reply = new StringBuilder("抱歉，暂未找到确切答复。");
        if (!answer.alternatives().isEmpty()) {
            reply.append("您是不是想问：");
            answer.alternatives().forEach(a -> reply.append("\n· ").append(a.question()));
            reply.append("\n");
        }
        reply.append("您可以换个说法再问，或发送“人工”转人工服务。");
        return save(chat.missed(misses)).compose(saved -> append(chat, "bot", reply.toString(), "智能客服"));
    }

    private Future<Void> handover(Conversation chat) {
        Conversation waiting = chat.waiting(clock.instant());
        return save(waiting)
                .compose(saved -> redis.zadd(List.of(
                        prefix + "queue", String.valueOf(waiting.waitingSince().toEpochMilli()), chat.id())))
                .compose(added -> redis.zrank(prefix + "queue", chat.id()))
                .compose(rank -> append(
                        waiting,
                        "system",
                        "正在为您转接人工客服，您前面还有 " + (rank == null ? 0 : rank.toInteger()) + " 位市民，请稍候。",
                        null))
                .compose(done -> announce(waiting))
                .compose(done -> live.publish("role:AGENT", queueChanged()));
    }

    private Future<Void> append(Conversation chat, String from, String text, String name) {
        JsonObject line = new JsonObject()
                .put("from", from)
                .put("name", name)
                .put("text", text)
                .put("at", Times.iso(clock.instant()));
        String lines = key(chat.id()) + ":lines";
        JsonObject event = new JsonObject()
                .put("type", "chat-line")
                .put("chatId", chat.id())
                .put("line", line);
        return redis.rpush(List.of(lines, line.encode()))
                .compose(pushed -> redis.expire(List.of(lines, String.valueOf(TTL_SECONDS))))
                .compose(expiring -> live.publish("chat:" + chat.id(), event))
                .compose(published -> chat.agent() == null || "agent".equals(from)
                        ? Future.succeededFuture()
                        : live.publish("user:" + chat.agent(), event));
    }

    private Future<Void> announce(Conversation chat) {
        JsonObject event = new JsonObject().put("type", "chat-state").put("chat", chat.toJson());
        return live.publish("chat:" + chat.id(), event)
                .compose(done ->
                        chat.agent() == null ? Future.succeededFuture() : live.publish("user:" + chat.agent(), event));
    }

    private Future<Void> save(Conversation chat) {
        return redis.set(List.of(key(chat.id()), chat.toStored().encode(), "EX", String.valueOf(TTL_SECONDS)))
                .mapEmpty();
    }

    private Future<JsonArray> describe(Response ids, int index, JsonArray out) {
        if (ids == null || index >= ids.size()) {
            return Future.succeededFuture(out);
        }
        String id = ids.get(index).toString();
        return find(id).compose(found -> {
            if (found.isEmpty()) {
                return describe(ids, index + 1, out);
            }
            return lines(id).compose(lines -> {
                JsonObject last = null;
                for (Object line : lines) {
                    if ("citizen".equals(((JsonObject) line).getString("from"))) {
                        last = (JsonObject) line;
                    }
                }
                out.add(found.get().toJson().put("lastCitizenLine", last));
                return describe(ids, index + 1, out);
            });
        });
    }

    private Future<Void> archive(Conversation chat, JsonArray lines) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return pool.preparedQuery(ChatSql.ARCHIVE)
                .execute(Tuple.of(
                        chat.id(),
                        chat.channel().id(),
                        chat.citizenKey(),
                        chat.agent(),
                        chat.ticketNo(),
                        LocalDateTime.ofInstant(chat.startedAt(), ZoneOffset.UTC),
                        now,
                        lines.encode()))
                .mapEmpty();
    }

    private static Attachments.Upload transcript(Conversation chat, JsonArray lines) {
        StringBuilder text = new StringBuilder("在线客服会话记录（" + chat.channel().displayName() + "，会话 " + chat.id() + "）\n");
        for (Object line : lines) {
            JsonObject l = (JsonObject) line;
            String who =
                    switch (l.getString("from", "")) {
                        case "citizen" -> "市民";
                        case "bot" -> "智能客服";
                        case "agent" -> "话务员" + (l.getString("name") == null ? "" : l.getString("name"));
                        default -> "系统";
                    };
            text.append('[')
                    .append(l.getString("at"))
                    .append("] ")
                    .append(who)
                    .append("：")
                    .append(l.getString("text"))
                    .append('\n');
        }
        return new Attachments.Upload(
                Attachments.Kind.TRANSCRIPT,
                "chat-" + chat.id() + ".txt",
                "text/plain; charset=utf-8",
                Buffer.buffer(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonObject queueChanged() {
        return new JsonObject().put("type", "chat-queue");
    }

    private static JsonArray parseLines(Response lines) {
        JsonArray out = new JsonArray();
        if (lines == null) {
            return out;
        }
        List<JsonObject> parsed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            try {
                parsed.add(new JsonObject(lines.get(i).toString()));
            } catch (DecodeException ignored) {
            }
        }
        parsed.forEach(out::add);
        return out;
    }

    private String pointer(ChannelId channel, String citizenKey) {
        return prefix + "open:" + channel.id() + ":" + citizenKey;
    }

    /**
     * Carries a line to citizens whose channel has no socket: official-account followers get it as a
     * customer-service message (客服消息). A failure is logged; the line stays in the chat.
     */
    private void deliver(Conversation chat, String text) {
        if (chat.channel() == ChannelId.WECHAT && wechat.isPresent()) {
            wechat.get()
                    .sendText(chat.citizenKey(), text)
                    .onFailure(e -> log.warn("Chat {} line not delivered to WeChat: {}", chat.id(), e.getMessage()));
        }
    }

    private String key(String id) {
        return prefix + id;
    }
}
