package cn.hotline12345.hub.publication;

import static cn.hotline12345.hub.http.QueryParams.longParam;

import cn.hotline12345.channels.ChannelInputException;
import cn.hotline12345.channels.InboundMessage;
import cn.hotline12345.channels.web.WebForms;
import cn.hotline12345.hub.account.Authentication;
import cn.hotline12345.hub.account.Role;
import cn.hotline12345.hub.directory.Directory;
import cn.hotline12345.hub.http.ApiException;
import cn.hotline12345.hub.http.JsonInput;
import cn.hotline12345.hub.http.Responses;
import cn.hotline12345.hub.http.Times;
import cn.hotline12345.hub.intake.IntakeRequests;
import cn.hotline12345.hub.intake.IntakeService;
import cn.hotline12345.hub.ticket.NewTicket;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The government website's channels and 政务公开: 网友留言 ({@code POST /api/v1/web-messages}), letters to leader
 * mailboxes ({@code POST /api/v1/mailboxes/{code}/letters}), both rate-limited per IP address and per phone, and the
 * public page of replied requests approved for publication, with personal data redacted
 * ({@code GET /api/v1/public/replies}).
 */
public final class PublicationRoutes {

    /** Submissions allowed per IP address per hour. */
    public static final int PER_IP_PER_HOUR = 20;

    /** Submissions allowed per phone number per day. */
    public static final int PER_PHONE_PER_DAY = 10;

    private final Pool pool;
    private final IntakeService intake;
    private final Mailboxes mailboxes;
    private final RateLimiter limiter;
    private final Supplier<Directory> directory;
    private final Authentication authentication;
    private final Clock clock;

    public PublicationRoutes(
            Pool pool,
            IntakeService intake,
            Mailboxes mailboxes,
            RateLimiter limiter,
            Supplier<Directory> directory,
            Authentication authentication,
            Clock clock) {
        this.pool = pool;
        this.intake = intake;
        this.mailboxes = mailboxes;
        this.limiter = limiter;
        this.directory = directory;
        this.authentication = authentication;
        this.clock = clock;
    }

    /** Adds the routes to the {@code /api/v1} router, which already reads bodies. */
    public void mount(Router api) {
        api.post("/web-messages").consumes("application/json").handler(ctx -> submit(ctx, null));
        api.get("/mailboxes").handler(this::mailboxList);
        api.post("/mailboxes/:code/letters").consumes("application/json").handler(this::letter);
        api.get("/public/replies").handler(this::published);
        api.put("/admin/mailboxes/:code")
                .consumes("application/json")
                .handler(authentication.require(Role.ADMIN))
                .handler(this::saveMailbox);
    }

    private void letter(RoutingContext ctx) {
        String code = ctx.pathParam("code");
        mailboxes
                .active(code)
                .onSuccess(found -> found.ifPresentOrElse(
                        mailbox -> {
                            try {
                                submit(ctx, mailbox);
                            } catch (RuntimeException e) {
                                ctx.fail(e);
                            }
                        },
                        () -> ctx.fail(ApiException.notFound("信箱 " + code + " 不存在或已停用"))))
                .onFailure(ctx::fail);
    }

    private void submit(RoutingContext ctx, JsonObject mailbox) {
        JsonObject form = JsonInput.of(ctx).json();
        InboundMessage message;
        try {
            message = mailbox == null
                    ? WebForms.webMessage(form, clock.instant())
                    : WebForms.mailboxLetter(form, clock.instant());
        } catch (ChannelInputException e) {
            throw ApiException.invalid(e.field(), e.getMessage());
        }
        String key = IntakeRequests.idempotencyKey(ctx.request().getHeader("Idempotency-Key"));
        String ip = ctx.request().remoteAddress() == null
                ? "unknown"
                : ctx.request().remoteAddress().host();
        limiter.allow("ip:" + ip, PER_IP_PER_HOUR, Duration.ofHours(1))
                .compose(ipAllowed -> ipAllowed
                        ? limiter.allow("phone:" + message.citizenPhone(), PER_PHONE_PER_DAY, Duration.ofDays(1))
                        : Future.succeededFuture(false))
                .compose(allowed -> {
                    if (!allowed) {
                        return Future.failedFuture(
                                new ApiException(429, "too-many-requests", "提交过于频繁，请稍后再试；紧急事项请拨打12345", List.of()));
                    }
                    return intake.submit(new NewTicket(
                            message,
                            key,
                            "channel:" + message.channel().id(),
                            null,
                            null,
                            mailbox == null ? null : mailbox.getLong("id")));
                })
                .onSuccess(outcome -> Responses.json(
                        ctx,
                        outcome.created() ? 201 : 200,
                        new JsonObject()
                                .put("ticketNo", outcome.ticket().ticketNo())
                                .put("status", outcome.ticket().status().name())
                                .put("statusName", outcome.ticket().status().displayName())
                                .put("channel", outcome.ticket().channel())
                                .put("mailbox", mailbox == null ? null : mailbox.getString("name"))
                                .put("createdAt", Times.iso(outcome.ticket().createdAt()))
                                .put("duplicate", !outcome.created())
                                .put("progress", "请凭工单号和联系电话查询办理进度")))
                .onFailure(ctx::fail);
    }

    private void mailboxList(RoutingContext ctx) {
        mailboxes
                .all()
                .onSuccess(items -> {
                    JsonArray open = new JsonArray();
                    items.stream()
                            .map(i -> (JsonObject) i)
                            .filter(i -> i.getBoolean("active"))
                            .forEach(i -> open.add(new JsonObject()
                                    .put("code", i.getString("code"))
                                    .put("name", i.getString("name"))
                                    .put("description", i.getString("description"))
                                    .put("office", i.getString("department"))));
                    Responses.json(ctx, 200, new JsonObject().put("items", open));
                })
                .onFailure(ctx::fail);
    }

    private void published(RoutingContext ctx) {
        long before = longParam(ctx, "before", 0, Long.MAX_VALUE, 0);
        int limit = (int) longParam(ctx, "limit", 1, 100, 20);
        pool.preparedQuery(PublicationSql.PUBLISHED)
                .execute(Tuple.of(before == 0 ? Long.MAX_VALUE : before, limit))
                .onSuccess(rows -> {
                    JsonArray items = new JsonArray();
                    long last = 0;
                    for (Row row : rows) {
                        last = row.getLong("id");
                        String name = row.getString("citizen_name");
                        items.add(new JsonObject()
                                .put("id", last)
                                .put("ticketNo", row.getString("ticket_no"))
                                .put("channel", row.getString("channel"))
                                .put("mailbox", row.getString("mailbox"))
                                .put("title", Redaction.redact(row.getString("title"), name))
                                .put("content", Redaction.redact(row.getString("content"), name))
                                .put("category", row.getString("category"))
                                .put("department", row.getString("department"))
                                .put("reply", Redaction.redact(row.getString("reply"), name))
                                .put("createdAt", Times.iso(row.getLocalDateTime("created_at")))
                                .put("publishedAt", Times.iso(row.getLocalDateTime("published_at"))));
                    }
                    ctx.response().putHeader("Cache-Control", "public, max-age=60");
                    Responses.json(
                            ctx,
                            200,
                            new JsonObject().put("items", items).put("next", items.size() < limit ? null : last));
                })
                .onFailure(ctx::fail);
    }

    private void saveMailbox(RoutingContext ctx) {
        String code = ctx.pathParam("code");
        JsonInput in = JsonInput.of(ctx);
        String name = in.requiredText("name", "信箱名称", 50);
        String description = in.text("description", "说明", 500);
        Long department = in.positiveId("departmentId", "受理单位");
        if (department == null && !in.has("departmentId")) {
            in.reject("departmentId", "缺少受理单位（departmentId）");
        }
        if (department != null && directory.get().department(department).isEmpty()) {
            in.reject("departmentId", "受理单位 " + department + " 不存在");
        }
        if (!code.matches("[A-Za-z0-9_-]{1,32}")) {
            in.reject("code", "信箱编码只能包含字母、数字、-和_，且不超过32个字符");
        }
        boolean active = in.bool("active", "是否启用", true);
        in.throwIfInvalid();
        mailboxes
                .save(
                        code,
                        name,
                        description == null ? "" : description,
                        department,
                        active,
                        Authentication.user(ctx).actor())
                .compose(done -> mailboxes.all())
                .onSuccess(items -> Responses.json(
                        ctx,
                        200,
                        items.stream()
                                .map(i -> (JsonObject) i)
                                .filter(i -> i.getString("code").equals(code))
                                .findFirst()
                                .orElse(new JsonObject())))
                .onFailure(ctx::fail);
    }
}
