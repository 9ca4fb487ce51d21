package cn.hotline12345.hub.http;

import cn.hotline12345.channels.wechat.WeChatCrypto;
import cn.hotline12345.hub.account.AccountRepository;
import cn.hotline12345.hub.account.AccountRoutes;
import cn.hotline12345.hub.account.AuditRoutes;
import cn.hotline12345.hub.account.Authentication;
import cn.hotline12345.hub.account.Passwords;
import cn.hotline12345.hub.account.Sessions;
import cn.hotline12345.hub.attachment.AttachmentRoutes;
import cn.hotline12345.hub.attachment.Attachments;
import cn.hotline12345.hub.chat.ChatRoutes;
import cn.hotline12345.hub.chat.ChatService;
import cn.hotline12345.hub.citizen.CitizenHistory;
import cn.hotline12345.hub.citizen.CitizenLinks;
import cn.hotline12345.hub.citizen.CitizenRoutes;
import cn.hotline12345.hub.classify.ClassificationRoutes;
import cn.hotline12345.hub.classify.ClassifierHolder;
import cn.hotline12345.hub.classify.ModelRegistry;
import cn.hotline12345.hub.classify.TaxonomyRepository;
import cn.hotline12345.hub.classify.TaxonomyRoutes;
import cn.hotline12345.hub.directory.DirectoryRepository;
import cn.hotline12345.hub.directory.DirectoryRoutes;
import cn.hotline12345.hub.health.HealthRoutes;
import cn.hotline12345.hub.hotline.HotlineCalls;
import cn.hotline12345.hub.intake.IntakeRoutes;
import cn.hotline12345.hub.intake.IntakeService;
import cn.hotline12345.hub.intake.RegistrationRoutes;
import cn.hotline12345.hub.kb.KbIndexHolder;
import cn.hotline12345.hub.kb.KbRepository;
import cn.hotline12345.hub.kb.KbRoutes;
import cn.hotline12345.hub.live.LiveEvents;
import cn.hotline12345.hub.live.LiveRoutes;
import cn.hotline12345.hub.live.LiveSockets;
import cn.hotline12345.hub.miniprogram.CitizenSessions;
import cn.hotline12345.hub.miniprogram.Code2Session;
import cn.hotline12345.hub.miniprogram.MiniProgramRoutes;
import cn.hotline12345.hub.publication.Mailboxes;
import cn.hotline12345.hub.publication.PublicationRoutes;
import cn.hotline12345.hub.publication.RateLimiter;
import cn.hotline12345.hub.routing.DispatchRulesHolder;
import cn.hotline12345.hub.routing.ResponsibilityListRepository;
import cn.hotline12345.hub.routing.RoutingRoutes;
import cn.hotline12345.hub.sla.CalendarAdminRoutes;
import cn.hotline12345.hub.sla.CalendarHolder;
import cn.hotline12345.hub.sla.CalendarRepository;
import cn.hotline12345.hub.sla.CalendarRoutes;
import cn.hotline12345.hub.sla.SlaPolicyRepository;
import cn.hotline12345.hub.sla.SlaPolicyRoutes;
import cn.hotline12345.hub.stats.KpiRepository;
import cn.hotline12345.hub.stats.KpiRoutes;
import cn.hotline12345.hub.stats.PublicStatsRoutes;
import cn.hotline12345.hub.ticket.TicketNumbers;
import cn.hotline12345.hub.ticket.TicketRepository;
import cn.hotline12345.hub.web.WebRoutes;
import cn.hotline12345.hub.wechat.UnionIds;
import cn.hotline12345.hub.wechat.WeChatApis;
import cn.hotline12345.hub.wechat.WeChatRoutes;
import cn.hotline12345.hub.wechat.WeChatTickets;
import cn.hotline12345.hub.workflow.TicketWorkflow;
import cn.hotline12345.hub.workflow.WorkflowQueries;
import cn.hotline12345.hub.workflow.WorkflowRoutes;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's one HTTP server: mounts every feature's routes under {@code /api/v1}, the health checks and the OpenAPI
 * document, and turns every failure into a problem document. Deployed once per event loop.
 */
public final class HttpServerVerticle extends VerticleBase {

    private static final Logger access = LoggerFactory.getLogger("hub.access");

    private final ClassifierHolder classifiers;
    private final CalendarHolder calendars;
    private final DispatchRulesHolder rules;
    private final KbIndexHolder kb;
    private final WeChatApis wechatApis;
    private Pool pool;
    private Redis redis;
    private HttpServer server;
    private long graceMillis;

    public HttpServerVerticle(
            ClassifierHolder classifiers,
            CalendarHolder calendars,
            DispatchRulesHolder rules,
            KbIndexHolder kb,
            WeChatApis wechatApis) {
        this.classifiers = classifiers;
        this.calendars = calendars;
        this.rules = rules;
        this.kb = kb;
        this.wechatApis = wechatApis;
    }

    @Override
    public Future<?> start() {
        JsonObject config = config();
        int bodyLimit = config.getInteger("http.bodyLimit");
        graceMillis = config.getLong("shutdown.graceMillis", 20_000L);
        pool = MySQLBuilder.pool()
                .with(new PoolOptions()
                        .setMaxSize(Math.max(
                                2, config.getInteger("mysql.poolSize") / config.getInteger("http.instances", 1)))
                        .setMaxWaitQueueSize(10_000))
                .connectingTo(MySQLConnectOptions.fromUri(config.getString("mysql.uri"))
                        .setCharset("utf8mb4")
                        .setCollation("utf8mb4_unicode_ci")
                        .setCachePreparedStatements(true)
                        .setPreparedStatementCacheMaxSize(256))
                .using(vertx)
                .build();
        redis = Redis.createClient(
                vertx,
                new RedisOptions()
                        .setConnectionString(config.getString("redis.uri"))
                        .setMaxPoolSize(8)
                        .setMaxPoolWaiting(1024));

        Clock clock = Clock.systemUTC();
        TicketRepository tickets = new TicketRepository(pool);
        LiveEvents liveEvents = new LiveEvents(RedisAPI.api(redis), config.getString("redis.keyPrefix"));
        IntakeService intake = new IntakeService(
                        tickets, new TicketNumbers(pool, clock, 50), classifiers::current, clock)
                .announcing(liveEvents);
        Attachments attachments = new Attachments(pool, clock);
        ChatService chats = new ChatService(
                RedisAPI.api(redis),
                config.getString("redis.keyPrefix"),
                liveEvents,
                kb,
                intake,
                attachments,
                pool,
                clock,
                wechatApis.officialAccount());
        Problems problems = new Problems(bodyLimit);
        TicketWorkflow workflow =
                new TicketWorkflow(pool, rules::current, calendars::current, clock).announcing(liveEvents);

        Router api = Router.router(vertx);
        api.route().handler(BodyHandler.create(false).setBodyLimit(bodyLimit));
        new IntakeRoutes(intake, tickets, clock).mount(api);
        Sessions sessions = new Sessions(
                RedisAPI.api(redis),
                config.getString("redis.keyPrefix"),
                Duration.ofSeconds(config.getLong("session.lifetimeSeconds")));
        Authentication authentication = new Authentication(sessions);
        LiveSockets live = new LiveSockets(vertx);
        new AccountRoutes(
                        new AccountRepository(pool, clock),
                        new Passwords(vertx),
                        sessions,
                        authentication,
                        id -> rules.current().directory().department(id).isPresent())
                .mount(api);
        new ClassificationRoutes(
                        vertx,
                        tickets,
                        new ModelRegistry(pool, clock),
                        new TaxonomyRepository(pool, clock),
                        authentication,
                        clock)
                .mount(api);
        new TaxonomyRoutes(new TaxonomyRepository(pool, clock)).mount(api);
        new CalendarRoutes(calendars::current).mount(api);
        new CalendarAdminRoutes(vertx, calendars, new CalendarRepository(pool, clock), authentication).mount(api);
        Runnable reloadRules = () -> rules.refresh();
        new RoutingRoutes(
                        vertx,
                        rules::current,
                        new ResponsibilityListRepository(pool, clock),
                        new TaxonomyRepository(pool, clock),
                        authentication,
                        clock)
                .mount(api);
        new DirectoryRoutes(
                        vertx,
                        () -> rules.current().directory(),
                        new DirectoryRepository(pool, clock),
                        reloadRules,
                        authentication)
                .mount(api);
        new SlaPolicyRoutes(new SlaPolicyRepository(pool, clock), reloadRules, authentication).mount(api);
        new RegistrationRoutes(
                        intake,
                        new TaxonomyRepository(pool, clock),
                        new HotlineCalls(pool, clock, config.getString("cti.recordingVariable", "record_file_path")),
                        authentication,
                        clock)
                .mount(api);
        new AuditRoutes(pool, authentication).mount(api);
        new CitizenRoutes(new CitizenHistory(pool), new CitizenLinks(pool, clock), authentication).mount(api);
        String wechatToken = config.getString("wechat.token");
        if (wechatToken != null) {
            new WeChatRoutes(
                            new WeChatCrypto(
                                    wechatToken, config.getString("wechat.aesKey"), config.getString("wechat.appId")),
                            intake,
                            kb,
                            new WeChatTickets(pool),
                            new UnionIds(
                                    wechatApis.officialAccount(),
                                    RedisAPI.api(redis),
                                    config.getString("redis.keyPrefix")),
                            chats,
                            RedisAPI.api(redis),
                            config.getString("redis.keyPrefix"),
                            clock)
                    .mount(api);
        }
        new PublicationRoutes(
                        pool,
                        intake,
                        new Mailboxes(pool, clock),
                        new RateLimiter(RedisAPI.api(redis), config.getString("redis.keyPrefix")),
                        () -> rules.current().directory(),
                        authentication,
                        clock)
                .mount(api);
        new KbRoutes(vertx, new KbRepository(pool, clock), kb, classifiers::current, authentication, clock).mount(api);
        new KpiRoutes(new KpiRepository(pool, () -> rules.current().directory()), authentication, clock).mount(api);
        WorkflowQueries workflowQueries =
                new WorkflowQueries(pool, () -> rules.current().directory());
        new WorkflowRoutes(workflow, workflowQueries, authentication).mount(api);
        new PublicStatsRoutes(new KpiRepository(pool, () -> rules.current().directory()), pool, clock).mount(api);

        Future<Buffer> openapi = vertx.fileSystem().readFile("openapi.yaml");
        Router root = Router.router(vertx);
        root.route().handler(HttpServerVerticle::logAccess);
        root.route("/health/*").subRouter(new HealthRoutes(pool, redis, calendars).router(vertx));
        root.get("/openapi.yaml").handler(ctx -> sendOpenApi(ctx, openapi.result()));
        root.get("/api/v1/openapi.yaml").handler(ctx -> sendOpenApi(ctx, openapi.result()));
        new LiveRoutes(sessions, live).mount(root);
        String miniProgramAppId = config.getString("miniprogram.appId");
        CitizenSessions citizenSessions =
                new CitizenSessions(RedisAPI.api(redis), config.getString("redis.keyPrefix"), Duration.ofDays(7));
        new ChatRoutes(chats, miniProgramAppId == null ? null : citizenSessions, live, authentication).mount(root, api);
        if (miniProgramAppId != null) {
            new MiniProgramRoutes(
                            vertx,
                            new Code2Session(
                                    vertx,
                                    config.getString("miniprogram.apiBase"),
                                    miniProgramAppId,
                                    config.getString("miniprogram.secret", "")),
                            citizenSessions,
                            intake,
                            tickets,
                            workflow,
                            attachments,
                            new CitizenHistory(pool),
                            new CitizenLinks(pool, clock),
                            wechatApis.miniProgram(),
                            new RateLimiter(RedisAPI.api(redis), config.getString("redis.keyPrefix")),
                            pool,
                            config.getInteger("photo.maxBytes"),
                            Path.of(config.getString("data.dir"), "uploads"),
                            clock)
                    .mount(root, api);
        }
        new AttachmentRoutes(
                        vertx,
                        attachments,
                        workflowQueries,
                        authentication,
                        Path.of(config.getString("data.dir"), "uploads"))
                .mount(root, api);
        root.route("/api/v1/*").subRouter(api);
        new WebRoutes().mount(root);
        root.route().failureHandler(problems::handle);
        for (int status : new int[] {400, 404, 405, 406, 413, 415, 500}) {
            root.errorHandler(status, problems::handle);
        }

        return openapi.compose(loaded -> vertx.createHttpServer(new HttpServerOptions()
                                .setHost(config.getString("http.host"))
                                .setPort(config.getInteger("http.port"))
                                .setCompressionSupported(true)
                                .setMaxFormAttributeSize(bodyLimit)
                                .setIdleTimeout(120)
                                .setIdleTimeoutUnit(TimeUnit.SECONDS))
                        .requestHandler(root)
                        .listen())
                .onSuccess(listening -> server = listening);
    }

    @Override
    public Future<?> stop() {
        Future<Void> closed =
                server == null ? Future.succeededFuture() : server.shutdown(graceMillis, TimeUnit.MILLISECONDS);
        return closed.eventually(() -> redis.close().eventually(() -> pool.close()));
    }

    private static void sendOpenApi(RoutingContext ctx, Buffer document) {
        ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml; charset=utf-8")
                .end(document);
    }

    private static void logAccess(RoutingContext ctx) {
        long started = System.nanoTime();
        ctx.addEndHandler(done -> {
            int status = ctx.response().getStatusCode();
            long micros = (System.nanoTime() - started) / 1_000;
            if (status >= 400 || micros > 1_000_000) {
                access.atInfo()
                        .addKeyValue("method", ctx.request().method().name())
                        .addKeyValue("path", ctx.request().path())
                        .addKeyValue("status", status)
                        .addKeyValue("micros", micros)
                        .log("{} {} {}", ctx.request().method(), ctx.request().path(), status);
            } else if (access.isDebugEnabled()) {
                access.debug(
                        "{} {} {} {}us", ctx.request().method(), ctx.request().path(), status, micros);
            }
        });
        ctx.next();
    }
}
