package cn.hotline12345.hub.intake;

import cn.hotline12345.channels.ChannelId;
import cn.hotline12345.channels.Identity;
import cn.hotline12345.channels.InboundMessage;
import cn.hotline12345.channels.PhoneNumbers;
import cn.hotline12345.hub.account.Authentication;
import cn.hotline12345.hub.account.Role;
import cn.hotline12345.hub.classify.Classifiers.TicketClassification;
import cn.hotline12345.hub.classify.Taxonomy;
import cn.hotline12345.hub.classify.TaxonomyRepository;
import cn.hotline12345.hub.hotline.HotlineCall;
import cn.hotline12345.hub.hotline.HotlineCalls;
import cn.hotline12345.hub.http.ApiException;
import cn.hotline12345.hub.http.JsonInput;
import cn.hotline12345.hub.http.Times;
import cn.hotline12345.hub.ticket.NewTicket;
import cn.hotline12345.hub.ticket.StoredTicket;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code POST /api/v1/tickets}: an agent registers a hotline call as a ticket (来电登记), with the caller's phone, the
 * agent's type and category (or the classifier's), urgency, and optionally an on-the-spot answer to a 咨询 (直接答复)
 * that closes the ticket at once. The call id makes retries safe; when the switch reported that call, its caller
 * number becomes the ticket's verified phone identity and the call is attached to the ticket.
 */
public final class RegistrationRoutes {

    private static final Set<String> URGENCIES = Set.of("NORMAL", "URGENT", "CRITICAL");
    private static final Pattern CALL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");

    private final IntakeService intake;
    private final TaxonomyRepository taxonomies;
    private final HotlineCalls calls;
    private final Authentication authentication;
    private final Clock clock;

    public RegistrationRoutes(
            IntakeService intake,
            TaxonomyRepository taxonomies,
            HotlineCalls calls,
            Authentication authentication,
            Clock clock) {
        this.intake = intake;
        this.taxonomies = taxonomies;
        this.calls = calls;
        this.authentication = authentication;
        this.clock = clock;
    }

    /** Adds the route to the {@code /api/v1} router, which already reads bodies. */
    public void mount(Router api) {
        api.post("/tickets")
                .consumes("application/json")
                .handler(authentication.require(Role.AGENT, Role.DISPATCHER, Role.ADMIN))
                .handler(this::register);
    }

    private void register(RoutingContext ctx) {
        String key = IntakeRequests.idempotencyKey(ctx.request().getHeader("Idempotency-Key"));
        JsonInput body = JsonInput.of(ctx);
        JsonInput caller = body.object("caller", "来电人");
        String rawPhone = caller.requiredText("phone", "来电号码", 32);
        String phone =
                rawPhone == null ? null : PhoneNumbers.normalise(rawPhone).orElse(null);
        if (rawPhone != null && phone == null) {
            caller.reject("phone", "来电号码格式不正确：" + rawPhone);
        }
        String name = caller.text("name", "来电人姓名", 50);
        String content = body.requiredText("content", "诉求内容", IntakeRequests.MAX_CONTENT);
        String title = body.text("title", "标题", IntakeRequests.MAX_TITLE);
        String type = body.text("type", "诉求类型", 16);
        String category = body.text("category", "一级分类", 64);
        String subcategory = body.text("subcategory", "二级分类", 64);
        String urgency = body.text("urgency", "紧急程度", 8);
        if (urgency != null && !URGENCIES.contains(urgency)) {
            body.reject("urgency", "紧急程度应为 NORMAL（一般）、URGENT（紧急）或 CRITICAL（特急）");
        }
        String address = body.text("address", "地址", 200);
        String area = body.text("area", "所属区域", 50);
        String callId = body.text("callId", "通话编号", IntakeRequests.MAX_KEY);
        if (callId != null && !CALL_ID.matcher(callId).matches()) {
            body.reject("callId", "通话编号格式不正确：应为交换机的通话ID（字母、数字及 . _ : @ -，不含空格）");
        }
        String answer = body.text("answer", "直接答复内容", 5000);
        boolean consent = body.bool("publicConsent", "是否同意公开", false);
        if (answer != null && !"咨询".equals(type)) {
            body.reject("answer", "直接答复仅适用于咨询类诉求，请将诉求类型（type）设为“咨询”");
        }
        if (subcategory != null && category == null) {
            body.reject("category", "填写二级分类时须同时填写一级分类");
        }
        body.throwIfInvalid();
        InboundMessage message = new InboundMessage(
                ChannelId.HOTLINE, callId, title, content, name, phone, address, area, consent, clock.instant());
        String actor = Authentication.user(ctx).actor();
        taxonomies
                .active()
                .compose(taxonomy -> {
                    check(taxonomy, type, category, subcategory);
                    return callId == null ? Future.succeededFuture(Optional.<HotlineCall>empty()) : calls.find(callId);
                })
                .compose(call -> {
                    TicketClassification decision = type != null && category != null
                            ? new TicketClassification(type, 1.0, category, 1.0, "agent", false)
                            : null;
                    NewTicket ticket = new NewTicket(
                            withCaller(message, call),
                            key,
                            actor,
                            decision,
                            new NewTicket.AgentInput(subcategory, urgency, answer));
                    return intake.submit(ticket, type, category);
                })
                .compose(outcome -> callId == null
                        ? Future.succeededFuture(outcome)
                        : calls.attach(callId, outcome.ticket().id()).map(outcome))
                .onSuccess(outcome -> {
                    StoredTicket stored = outcome.ticket();
                    ctx.response()
                            .setStatusCode(outcome.created() ? 201 : 200)
                            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                            .putHeader(HttpHeaders.LOCATION, "/api/v1/tickets/" + stored.ticketNo())
                            .end(new JsonObject()
                                    .put("ticketNo", stored.ticketNo())
                                    .put("status", stored.status().name())
                                    .put("statusName", stored.status().displayName())
                                    .put("channel", stored.channel())
                                    .put("createdAt", Times.iso(stored.createdAt()))
                                    .put("duplicate", !outcome.created())
                                    .encode());
                })
                .onFailure(ctx::fail);
    }

    private static InboundMessage withCaller(InboundMessage message, Optional<HotlineCall> call) {
        return call.map(HotlineCall::callerNumber)
                .flatMap(PhoneNumbers::normalise)
                .map(number -> message.withIdentities(List.of(Identity.verified(Identity.Kind.PHONE, number))))
                .orElse(message);
    }

    private static void check(Taxonomy taxonomy, String type, String category, String subcategory) {
        if (type != null && !taxonomy.types().contains(type)) {
            throw ApiException.invalid("type", "未知诉求类型：" + type + "，可选：" + String.join("、", taxonomy.types()));
        }
        if (category != null && !taxonomy.hasCategory(category)) {
            throw ApiException.invalid("category", "未知一级分类：" + category);
        }
        if (subcategory != null
                && taxonomy.categories().stream()
                        .noneMatch(
                                c -> c.name().equals(category) && c.children().contains(subcategory))) {
            throw ApiException.invalid("subcategory", "一级分类“" + category + "”下没有二级分类“" + subcategory + "”");
        }
    }
}
