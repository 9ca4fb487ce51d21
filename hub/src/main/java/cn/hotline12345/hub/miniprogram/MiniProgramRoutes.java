package cn.hotline12345.hub.miniprogram;

import cn.hotline12345.channels.ChannelInputException;
import cn.hotline12345.channels.Identity;
import cn.hotline12345.channels.InboundMessage;
import cn.hotline12345.channels.PhoneNumbers;
import cn.hotline12345.channels.miniprogram.MiniProgramForms;
import cn.hotline12345.channels.miniprogram.Photos;
import cn.hotline12345.hub.attachment.Attachments;
import cn.hotline12345.hub.citizen.CitizenHistory;
import cn.hotline12345.hub.citizen.CitizenLinks;
import cn.hotline12345.hub.http.ApiException;
import cn.hotline12345.hub.http.JsonInput;
import cn.hotline12345.hub.http.QueryParams;
import cn.hotline12345.hub.http.Responses;
import cn.hotline12345.hub.http.Times;
import cn.hotline12345.hub.intake.IntakeRequests;
import cn.hotline12345.hub.intake.IntakeService;
import cn.hotline12345.hub.miniprogram.CitizenSessions.CitizenSession;
import cn.hotline12345.hub.publication.RateLimiter;
import cn.hotline12345.hub.ticket.NewTicket;
import cn.hotline12345.hub.ticket.TicketRepository;
import cn.hotline12345.hub.ticket.TicketStatus;
import cn.hotline12345.hub.wechat.WeChatApi;
import cn.hotline12345.hub.wechat.WeChatApiException;
import cn.hotline12345.hub.workflow.Masking;
import cn.hotline12345.hub.workflow.TicketWorkflow;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The WeChat mini-program's backend (小程序): login through code2session, requests with photos, the citizen's own
 * requests and their progress, and the satisfaction rating. Every call but login carries the session token as a bearer
 * token; a citizen sees only tickets linked to them.
 */
public final class MiniProgramRoutes {

    /** Requests one mini-program user may submit per day. */
    public static final int PER_USER_PER_DAY = 10;

    private static final String SESSION = "miniprogram.session";
    private static final String OWNER = "miniprogram.citizen";

    private final Vertx vertx;
    private final Code2Session login;
    private final CitizenSessions sessions;
    private final IntakeService intake;
    private final TicketRepository tickets;
    private final TicketWorkflow workflow;
    private final Attachments attachments;
    private final CitizenHistory citizens;
    private final CitizenLinks links;
    private final Optional<WeChatApi> api;
    private final RateLimiter limiter;
    private final Pool pool;
    private final int photoMaxBytes;
    private final Path uploads;
    private final Clock clock;

    public MiniProgramRoutes(
            Vertx vertx,
            Code2Session login,
            CitizenSessions sessions,
            IntakeService intake,
            TicketRepository tickets,
            TicketWorkflow workflow,
            Attachments attachments,
            CitizenHistory citizens,
            CitizenLinks links,
            Optional<WeChatApi> api,
            RateLimiter limiter,
            Pool pool,
            int photoMaxBytes,
            Path uploads,
            Clock clock) {
        this.vertx = vertx;
        this.login = login;
        this.sessions = sessions;
        this.intake = intake;
        this.tickets = tickets;
        this.workflow = workflow;
        this.attachments = attachments;
        this.citizens = citizens;
        this.links = links;
        this.api = api;
        this.limiter = limiter;
        this.pool = pool;
        this.photoMaxBytes = photoMaxBytes;
        this.uploads = uploads;
        this.clock = clock;
    }

    /**
     * Adds the routes: the photo upload to the root router (it reads multipart bodies larger than the API's limit),
     * the rest to the {@code /api/v1} router.
     */
    public void mount(Router root, Router api) {
        root.post("/api/v1/miniprogram/requests")
                .handler(BodyHandler.create(uploads.toString())
                        .setBodyLimit((long) Photos.MAX_PHOTOS * photoMaxBytes + 64 * 1024)
                        .setDeleteUploadedFilesOnEnd(true))
                .handler(this::requireMultipart)
                .handler(this::requireSession)
                .handler(this::submit);
        api.post("/miniprogram/login").handler(this::login);
        api.post("/miniprogram/phone").handler(this::requireSession).handler(this::bindPhone);
        api.get("/miniprogram/requests").handler(this::requireSession).handler(this::mine);
        api.get("/miniprogram/requests/:ticketNo").handler(this::requireSession).handler(this::progress);
        api.post("/miniprogram/requests/:ticketNo/rating")
                .handler(this::requireSession)
                .handler(this::rate);
    }

    /** The session a request passed {@link #requireSession} with. */
    static CitizenSession session(RoutingContext ctx) {
        return ctx.get(SESSION);
    }

    private void login(RoutingContext ctx) {
        JsonInput in = JsonInput.of(ctx);
        String code = in.requiredText("code", "登录凭证", 128);
        in.throwIfInvalid();
        login.exchange(code)
                .compose(user -> sessions.open(new CitizenSession(user.openid(), user.unionid()))
                        .map(token -> new JsonObject()
                                .put("token", token)
                                .put("expiresIn", sessions.lifetime().toSeconds())
                                .put("openid", user.openid())))
                .onSuccess(body -> Responses.json(ctx, 200, body))
                .onFailure(ctx::fail);
    }

    /**
     * Links the phone number WeChat confirms for this user ({@code getPhoneNumber} code → {@code
     * /wxa/business/getuserphonenumber}) to the citizen: a verified phone, so the user's hotline calls, web messages
     * and mini-program requests become one history.
     */
    private void bindPhone(RoutingContext ctx) {
        JsonInput in = JsonInput.of(ctx);
        String code = in.requiredText("code", "手机号授权凭证", 128);
        in.throwIfInvalid();
        if (api.isEmpty()) {
            throw new ApiException(503, "upstream-unavailable", "未配置小程序密钥，暂不能验证手机号", List.of());
        }
        CitizenSession session = session(ctx);
        api.get()
                .call("/wxa/business/getuserphonenumber", Map.of(), new JsonObject().put("code", code))
                .recover(failure -> Future.failedFuture(
                        failure instanceof WeChatApiException refused && refused.errcode() == 40029
                                ? ApiException.invalid("code", "手机号授权凭证无效或已使用，请重新授权")
                                : new ApiException(503, "upstream-unavailable", "微信暂不能验证手机号，请稍后再试", List.of())))
                .compose(answer -> {
                    JsonObject info = answer.getJsonObject("phone_info", new JsonObject());
                    Optional<String> phone = PhoneNumbers.normalise(info.getString("purePhoneNumber"));
                    if (phone.isEmpty()) {
                        return Future.failedFuture(
                                new ApiException(503, "upstream-unavailable", "微信未返回手机号，请稍后再试", List.of()));
                    }
                    List<Identity> sameUser = new ArrayList<>(sender(session));
                    sameUser.add(Identity.verified(Identity.Kind.PHONE, phone.get()));
                    return links.linkVerified(sameUser, "channel:miniprogram", "微信验证的手机号")
                            .map(citizen -> new JsonObject()
                                    .put("phone", Masking.phone(phone.get()))
                                    .put("verified", true));
                })
                .onSuccess(body -> Responses.json(ctx, 200, body))
                .onFailure(ctx::fail);
    }

    /** The verified identities of a signed-in mini-program user. */
    static List<Identity> sender(CitizenSession session) {
        List<Identity> ids = new ArrayList<>();
        ids.add(Identity.verified(Identity.Kind.MINIPROGRAM_OPENID, session.openid()));
        if (session.unionid() != null && !session.unionid().isBlank()) {
            ids.add(Identity.verified(Identity.Kind.WECHAT_UNIONID, session.unionid()));
        }
        return ids;
    }

    private void requireMultipart(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase().startsWith("multipart/form-data")) {
            ctx.fail(new ApiException(415, "unsupported-media-type", "请以 multipart/form-data 方式提交诉求和照片", List.of())
                    .with("field", "Content-Type"));
            return;
        }
        ctx.next();
    }

    private void requireSession(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip()
                : null;
        sessions.find(token)
                .onSuccess(found -> found.ifPresentOrElse(
                        session -> {
                            ctx.put(SESSION, session);
                            ctx.next();
                        },
                        () -> ctx.fail(new ApiException(401, "unauthorized", "请先登录小程序，或登录已过期", List.of()))))
                .onFailure(ctx::fail);
    }

    private void submit(RoutingContext ctx) {
        CitizenSession session = session(ctx);
        Map<String, String> form = new HashMap<>();
        ctx.request().formAttributes().forEach(entry -> form.putIfAbsent(entry.getKey(), entry.getValue()));
        InboundMessage message;
        try {
            message = MiniProgramForms.request(form, session.openid(), session.unionid(), clock.instant());
        } catch (ChannelInputException e) {
            throw ApiException.invalid(e.field(), e.getMessage());
        }
        List<FileUpload> files = ctx.fileUploads();
        if (files.size() > Photos.MAX_PHOTOS) {
            throw ApiException.invalid("photos", "最多上传 " + Photos.MAX_PHOTOS + " 张照片");
        }
        for (FileUpload file : files) {
            if (!"photos".equals(file.name())) {
                throw ApiException.invalid(file.name(), "不支持的文件字段 " + file.name() + "，照片请用 photos 字段上传");
            }
            if (file.size() > photoMaxBytes) {
                throw new ApiException(
                                413,
                                "payload-too-large",
                                "单张照片不能超过 " + photoMaxBytes / (1024 * 1024) + " MB：" + file.fileName(),
                                List.of())
                        .with("field", "photos");
            }
        }
        String key = IntakeRequests.idempotencyKey(ctx.request().getHeader("Idempotency-Key"));
        readPhotos(files, 0, new ArrayList<>())
                .compose(photos -> limiter.allow("mp:" + session.openid(), PER_USER_PER_DAY, Duration.ofDays(1))
                        .compose(allowed -> allowed
                                ? intake.submit(new NewTicket(message, key, "channel:miniprogram", null))
                                : Future.failedFuture(new ApiException(
                                        429, "too-many-requests", "今日提交次数已达上限，紧急事项请拨打12345", List.of())))
                        .compose(outcome -> attachments
                                .attach(outcome.ticket().id(), photos, "citizen")
                                .map(outcome)))
                .onSuccess(outcome -> Responses.json(
                        ctx,
                        outcome.created() ? 201 : 200,
                        new JsonObject()
                                .put("ticketNo", outcome.ticket().ticketNo())
                                .put("status", outcome.ticket().status().name())
                                .put("statusName", outcome.ticket().status().displayName())
                                .put("photos", files.size())
                                .put("createdAt", Times.iso(outcome.ticket().createdAt()))
                                .put("duplicate", !outcome.created())))
                .onFailure(ctx::fail);
    }

    private Future<List<Attachments.Upload>> readPhotos(
            List<FileUpload> files, int index, List<Attachments.Upload> read) {
        if (index == files.size()) {
            return Future.succeededFuture(read);
        }
        FileUpload file = files.get(index);
        return vertx.fileSystem().readFile(file.uploadedFileName()).compose(content -> {
            Optional<String> type = Photos.mediaType(content.getBytes(0, Math.min(16, content.length())));
            if (type.isEmpty()) {
                return Future.failedFuture(new ApiException(
                                415, "unsupported-media-type", "照片仅支持 JPEG、PNG 或 WebP 格式：" + file.fileName(), List.of())
                        .with("field", "photos"));
            }
            read.add(new Attachments.Upload(Attachments.Kind.PHOTO, fileName(file, index), type.get(), content));
            return readPhotos(files, index + 1, read);
        });
    }

    private void mine(RoutingContext ctx) {
        long before = QueryParams.longParam(ctx, "before", 0, Long.MAX_VALUE, 0);
        int limit = (int) QueryParams.longParam(ctx, "limit", 1, 50, 20);
        owner(ctx)
                .compose(owner -> owner.isEmpty()
                        ? Future.succeededFuture(
                                new JsonObject().put("items", new JsonArray()).putNull("next"))
                        : pool.preparedQuery(MiniProgramSql.TICKETS_OF_CITIZEN)
                                .execute(Tuple.of(owner.get(), before == 0 ? Long.MAX_VALUE : before, limit))
                                .map(rows -> {
                                    JsonArray items = new JsonArray();
                                    long last = 0;
                                    for (Row row : rows) {
                                        last = row.getLong("id");
                                        TicketStatus status = TicketStatus.valueOf(row.getString("status"));
                                        items.add(new JsonObject()
                                                .put("ticketNo", row.getString("ticket_no"))
                                                .put("channel", row.getString("channel"))
                                                .put("title", row.getString("title"))
                                                .put("status", status.name())
                                                .put("statusName", status.displayName())
                                                .put("canRate", status == TicketStatus.FOLLOW_UP)
                                                .put("satisfaction", row.getString("satisfaction"))
                                                .put("createdAt", Times.iso(row.getLocalDateTime("created_at")))
                                                .put("updatedAt", Times.iso(row.getLocalDateTime("updated_at"))));
                                    }
                                    return new JsonObject()
                                            .put("items", items)
                                            .put("next", items.size() < limit ? null : last);
                                }))
                .onSuccess(body -> Responses.json(ctx, 200, body))
                .onFailure(ctx::fail);
    }

    private void progress(RoutingContext ctx) {
        String ticketNo = ctx.pathParam("ticketNo");
        owner(ctx)
                .compose(owner -> owner.isEmpty()
                        ? Future.succeededFuture(Optional.<JsonObject>empty())
                        : tickets.findProgressOf(ticketNo, owner.get())
                                .compose(found -> found.isEmpty()
                                        ? Future.succeededFuture(Optional.<JsonObject>empty())
                                        : pool.preparedQuery(MiniProgramSql.TICKET_ID_OF_CITIZEN)
                                                .execute(Tuple.of(ticketNo, owner.get()))
                                                .compose(ids -> attachments.list(
                                                        ids.iterator().next().getLong("id")))
                                                .map(files -> Optional.of(found.get()
                                                        .toJson()
                                                        .put(
                                                                "canRate",
                                                                found.get().status() == TicketStatus.FOLLOW_UP)
                                                        .put("attachments", files)))))
                .onSuccess(found ->
                        found.ifPresentOrElse(body -> Responses.json(ctx, 200, body), () -> ctx.fail(notYours())))
                .onFailure(ctx::fail);
    }

    private void rate(RoutingContext ctx) {
        String ticketNo = ctx.pathParam("ticketNo");
        JsonObject body = JsonInput.of(ctx).json();
        owner(ctx)
                .compose(owner -> owner.isEmpty()
                        ? Future.<JsonObject>failedFuture(notYours())
                        : workflow.rateAsCitizenOf(ticketNo, owner.get(), body))
                .onSuccess(result -> Responses.json(
                        ctx,
                        200,
                        new JsonObject()
                                .put("ticketNo", result.getString("ticketNo"))
                                .put("status", result.getString("status"))
                                .put("statusName", result.getString("statusName"))))
                .onFailure(ctx::fail);
    }

    private Future<Optional<Long>> owner(RoutingContext ctx) {
        return citizens.owner(Identity.Kind.MINIPROGRAM_OPENID, session(ctx).openid());
    }

    private static ApiException notYours() {
        return ApiException.notFound("未找到该诉求，或该诉求不是您提交的");
    }

    private static String fileName(FileUpload file, int index) {
        String name = file.fileName();
        if (name == null || name.isBlank()) {
            return "photo-" + (index + 1);
        }
        String plain = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        return plain.length() > 200 ? plain.substring(plain.length() - 200) : plain;
    }
}
