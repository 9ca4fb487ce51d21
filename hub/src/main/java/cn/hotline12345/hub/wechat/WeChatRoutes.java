package cn.hotline12345.hub.wechat;

import cn.hotline12345.channels.ChannelId;
import cn.hotline12345.channels.ChannelInputException;
import cn.hotline12345.channels.Identity;
import cn.hotline12345.channels.InboundMessage;
import cn.hotline12345.channels.wechat.WeChatCrypto;
import cn.hotline12345.channels.wechat.WeChatMessage;
import cn.hotline12345.channels.wechat.WeChatXml;
import cn.hotline12345.hub.chat.ChatService;
import cn.hotline12345.hub.http.ApiException;
import cn.hotline12345.hub.intake.IntakeService;
import cn.hotline12345.hub.kb.KbIndexHolder;
import cn.hotline12345.hub.sla.WorkingCalendar;
import cn.hotline12345.hub.ticket.NewTicket;
import cn.hotline12345.kb.Answer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.redis.client.RedisAPI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The WeChat official account (公众号) server, following WeChat's message protocol at {@code /api/v1/channels/wechat}:
 * URL verification (GET, echo {@code echostr} after checking the signature), text and event messages in plaintext and
 * safe mode, a passive reply within WeChat's 5 seconds — a knowledge-base answer, or a receipt with the ticket number
 * when the citizen asks for a person or complains, the answer to a menu click ({@link WeChatMenu}) — and each MsgId handled once however often WeChat retries (a
 * message whose handling failed is forgotten, so WeChat's retry handles it again).
 */
public final class WeChatRoutes {

    private static final long MAX_CLOCK_SKEW_SECONDS = 300;
    private static final Pattern XML =
            Pattern.compile("^\\s*(text|application)/xml\\s*(;|$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern WANTS_PERSON = Pattern.compile("^(人工|投诉|举报|求助|转人工)|转人工|人工客服");
    private static final Pattern PERSON = Pattern.compile("^(人工|转人工)|转人工|人工客服");
    private static final String CONNECTING = "正在为您转接人工客服，话务员接入后会在这里回复您。";

    private final WeChatCrypto crypto;
    private final IntakeService intake;
    private final KbIndexHolder kb;
    private final UnionIds unionIds;
    private final ChatService chats;
    private final WeChatMenu menu;
    private final RedisAPI redis;
    private final String prefix;
    private final Clock clock;

    public WeChatRoutes(
            WeChatCrypto crypto,
            IntakeService intake,
            KbIndexHolder kb,
            WeChatTickets tickets,
            UnionIds unionIds,
            ChatService chats,
            RedisAPI redis,
            String prefix,
            Clock clock) {
        this.crypto = crypto;
        this.intake = intake;
        this.kb = kb;
        this.menu = new WeChatMenu(tickets);
        this.unionIds = unionIds;
        this.chats = chats;
        this.redis = redis;
        this.prefix = prefix;
        this.clock = clock;
    }

    /** Adds the routes to the {@code /api/v1} router, which already reads bodies. */
    public void mount(Router api) {
        api.get("/channels/wechat").handler(this::verifyUrl);
        api.post("/channels/wechat").handler(this::receive);
    }

    private void verifyUrl(RoutingContext ctx) {
        String echo = ctx.request().getParam("echostr");
        checkSignature(ctx, null);
        if (echo == null) {
            throw ApiException.invalid("echostr", "缺少 echostr");
        }
        ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                .end(echo);
    }

    private void receive(RoutingContext ctx) {
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !XML.matcher(contentType).find()) {
            throw new ApiException(415, "unsupported-media-type", "微信消息应为 XML（text/xml）", List.of());
        }
        Buffer body = ctx.body().buffer();
        String raw = body == null ? "" : body.toString(StandardCharsets.UTF_8);
        boolean safe = "aes".equals(ctx.request().getParam("encrypt_type"));
        WeChatMessage message;
        try {
            Map<String, String> fields = WeChatXml.fields(raw);
            if (safe) {
                String encrypted = fields.get("Encrypt");
                if (encrypted == null) {
                    throw new ChannelInputException("Encrypt", "安全模式消息缺少 Encrypt");
                }
                checkSignature(ctx, encrypted);
                fields = WeChatXml.fields(crypto.decrypt(encrypted));
            } else {
                checkSignature(ctx, null);
            }
            message = WeChatXml.message(fields);
        } catch (ChannelInputException e) {
            throw ApiException.invalid(e.field(), e.getMessage());
        }
        String key = prefix + "wechat:msg:" + message.dedupeKey();
        redis.set(List.of(key, "", "NX", "EX", "120"))
                .compose(set -> set == null
                        ? redis.get(key).map(previous -> previous == null ? "" : previous.toString())
                        : reply(message)
                                .compose(text -> redis.set(List.of(key, text, "EX", "120"))
                                        .map(text))
                                .recover(failure -> redis.del(List.of(key))
                                        .transform(deleted -> Future.<String>failedFuture(failure))))
                .onSuccess(text -> send(ctx, message, text, safe))
                .onFailure(ctx::fail);
    }

    private Future<String> reply(WeChatMessage message) {
        if ("event".equals(message.type())) {
            return menu.reply(message);
        }
        if (!"text".equals(message.type())
                || message.content() == null
                || message.content().isBlank()) {
            return Future.succeededFuture("您好，目前仅支持文字消息。请用文字描述您的问题，或拨打12345。");
        }
        String text = message.content().strip();
        return chats.current(ChannelId.WECHAT, message.fromUser())
                .compose(chat -> chat.isPresent()
                        ? chats.fromCitizen(chat.get().id(), text).map("")
                        : WANTS_PERSON.matcher(text).find() ? ticket(message, text) : answer(text));
    }

    private Future<String> answer(String text) {
        Answer answer = kb.index().ask(text, LocalDate.now(clock.withZone(WorkingCalendar.ZONE)));
        if (answer.answered()) {
            String source =
                    answer.source() == null ? "" : "\n（依据：" + answer.source().getString("title") + "）";
            return Future.succeededFuture(bounded(answer.answer()) + source);
        }
        StringBuilder out = new StringBuilder("抱歉，暂未找到确切答复。");
        if (!answer.alternatives().isEmpty()) {
            out.append("您是不是想问：");
            answer.alternatives().forEach(a -> out.append("\n· ").append(a.question()));
            out.append("\n");
        }
        out.append("回复“人工”转人工服务，或回复“投诉+内容”提交诉求。");
        return Future.succeededFuture(out.toString());
    }

    /**
     * Registers a complaint (投诉/举报/求助 + content) and answers the receipt; a follower who asks for a person (人工) is
     * also queued for a live chat, which an agent answers here by customer-service messages.
     */
    private Future<String> ticket(WeChatMessage message, String text) {
        String content = text.replaceFirst("^(转人工|人工|投诉|举报|求助)[：:，,\\s]*", "");
        boolean person = PERSON.matcher(text).find();
        if (content.length() < 4) {
            return person
                    ? sender(message)
                            .compose(sender -> chats.queue(ChannelId.WECHAT, message.fromUser(), sender, null, text))
                            .map("正在为您转接人工客服，请直接发送您要反映的问题，话务员接入后会在这里回复您。")
                    : Future.succeededFuture("请在“投诉”后写明具体事项、地点和时间，例如：投诉 桂花苑小区东门路灯坏了一个月。");
        }
        Instant sent = Instant.ofEpochSecond(
                message.createTime() > 0
                        ? message.createTime()
                        : clock.instant().getEpochSecond());
        return sender(message).compose(sender -> intake.submit(new NewTicket(
                        new InboundMessage(
                                ChannelId.WECHAT,
                                message.msgId(),
                                null,
                                content,
                                null,
                                null,
                                null,
                                null,
                                false,
                                sent,
                                sender),
                        null,
                        "channel:wechat:" + message.fromUser(),
                        null))
                .compose(outcome -> {
                    String receipt = "您的诉求已受理，工单号：" + outcome.ticket().ticketNo() + "。我们将尽快交承办单位办理，办理结果会通过本公众号告知您。";
                    return person
                            ? chats.queue(
                                            ChannelId.WECHAT,
                                            message.fromUser(),
                                            sender,
                                            outcome.ticket().ticketNo(),
                                            content)
                                    .map(receipt + CONNECTING)
                            : Future.succeededFuture(receipt);
                }));
    }

    /** The follower's verified identities: the openid, and the unionid when WeChat knows one. */
    private Future<List<Identity>> sender(WeChatMessage message) {
        return unionIds.of(message.fromUser()).map(unionid -> {
            List<Identity> sender = new ArrayList<>();
            sender.add(Identity.verified(Identity.Kind.WECHAT_OPENID, message.fromUser()));
            unionid.ifPresent(u -> sender.add(Identity.verified(Identity.Kind.WECHAT_UNIONID, u)));
            return sender;
        });
    }

    private void send(RoutingContext ctx, WeChatMessage message, String text, boolean safe) {
        if (text.isEmpty()) {
            ctx.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .end("success");
            return;
        }
        String xml = WeChatXml.textReply(
                message.fromUser(), message.toUser(), clock.instant().getEpochSecond(), text);
        if (safe) {
            String encrypted = crypto.encrypt(xml);
            String timestamp = String.valueOf(clock.instant().getEpochSecond());
            String nonce = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            xml = WeChatXml.encryptedReply(encrypted, crypto.sign(timestamp, nonce, encrypted), timestamp, nonce);
        }
        ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/xml; charset=utf-8")
                .end(xml);
    }

    private void checkSignature(RoutingContext ctx, String encrypted) {
        String timestamp = ctx.request().getParam("timestamp");
        String nonce = ctx.request().getParam("nonce");
        String signature = ctx.request().getParam(encrypted == null ? "signature" : "msg_signature");
        if (!crypto.verify(signature, timestamp, nonce, encrypted)) {
            throw new ApiException(403, "invalid-signature", "微信签名校验失败", List.of());
        }
        long sent;
        try {
            sent = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw ApiException.invalid("timestamp", "timestamp 不是数字");
        }
        if (Math.abs(clock.instant().getEpochSecond() - sent) > MAX_CLOCK_SKEW_SECONDS) {
            throw new ApiException(403, "stale-timestamp", "微信消息时间戳已过期", List.of());
        }
    }

    private static String bounded(String text) {
        return text.length() > 600 ? text.substring(0, 597) + "…" : text;
    }
}
