package cn.hotline12345.hub;

import cn.hotline12345.hub.account.AccountRepository;
import cn.hotline12345.hub.account.AdminBootstrap;
import cn.hotline12345.hub.account.Passwords;
import cn.hotline12345.hub.classify.ClassifierHolder;
import cn.hotline12345.hub.classify.Classifiers;
import cn.hotline12345.hub.classify.ModelRegistry;
import cn.hotline12345.hub.classify.TaxonomyRepository;
import cn.hotline12345.hub.directory.DirectoryRepository;
import cn.hotline12345.hub.hotline.HotlineVerticle;
import cn.hotline12345.hub.http.HttpServerVerticle;
import cn.hotline12345.hub.kb.KbIndexHolder;
import cn.hotline12345.hub.kb.KbRepository;
import cn.hotline12345.hub.live.LiveBridge;
import cn.hotline12345.hub.live.LiveEvents;
import cn.hotline12345.hub.notify.CitizenNotifier;
import cn.hotline12345.hub.notify.Notifier;
import cn.hotline12345.hub.notify.OutboxWorker;
import cn.hotline12345.hub.notify.SmsGateway;
import cn.hotline12345.hub.publication.Mailboxes;
import cn.hotline12345.hub.routing.DispatchRulesHolder;
import cn.hotline12345.hub.routing.ResponsibilityListRepository;
import cn.hotline12345.hub.routing.SampleCounty;
import cn.hotline12345.hub.sla.CalendarHolder;
import cn.hotline12345.hub.sla.CalendarRepository;
import cn.hotline12345.hub.sla.SlaPolicyRepository;
import cn.hotline12345.hub.sla.WorkingCalendar;
import cn.hotline12345.hub.storage.Datastores;
import cn.hotline12345.hub.storage.FreePorts;
import cn.hotline12345.hub.storage.SchemaMigrator;
import cn.hotline12345.hub.wechat.WeChatApi;
import cn.hotline12345.hub.wechat.WeChatApis;
import cn.hotline12345.hub.wechat.WeChatNotifier;
import cn.hotline12345.hub.workflow.BackgroundJobs;
import cn.hotline12345.hub.workflow.ClockWorker;
import cn.hotline12345.hub.workflow.TicketWorkflow;
import cn.hotline12345.kb.EntryFiles;
import cn.hotline12345.kb.KbEntry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running hub: its datastores (embedded or external), the migrated schema and the Vert.x verticles. Started and
 * stopped from the CLI or from tests.
 */
public final class Hub implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Hub.class);

    private final HubConfig config;
    private final Datastores datastores;
    private final Vertx vertx;
    private final LiveBridge live;
    private volatile boolean closed;

    private Hub(HubConfig config, Datastores datastores, Vertx vertx, LiveBridge live) {
        this.config = config;
        this.datastores = datastores;
        this.vertx = vertx;
        this.live = live;
    }

    /** Starts everything and returns once the HTTP server listens. Blocks; call it off any event loop. */
    public static Hub start(HubConfig requested) {
        HubConfig config = requested;
        WorkingCalendar.parseHours(config.workingHours());
        Datastores datastores = Datastores.open(config);
        Vertx vertx = null;
        try {
            SchemaMigrator.migrate(datastores.mysqlUri());
            vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
            Pool background = MySQLBuilder.pool()
                    .with(new PoolOptions().setMaxSize(4))
                    .connectingTo(MySQLConnectOptions.fromUri(datastores.mysqlUri()))
                    .using(vertx)
                    .build();
            ClassifierHolder classifiers = new ClassifierHolder(
                    new ModelRegistry(background, Clock.systemUTC()), Classifiers.shipped(config.triageConfidence()));
            classifiers
                    .follow(vertx, 5_000)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
            Passwords passwords = new Passwords(vertx);
            AdminBootstrap.ensureAdmin(
                            new AccountRepository(background, Clock.systemUTC()), passwords, config.adminPassword())
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
            CalendarHolder calendars = new CalendarHolder(
                    new CalendarRepository(background, Clock.systemUTC()),
                    WorkingCalendar.parseHours(config.workingHours()));
            calendars
                    .follow(vertx, 30_000)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
            DirectoryRepository directories = new DirectoryRepository(background, Clock.systemUTC());
            ResponsibilityListRepository lists = new ResponsibilityListRepository(background, Clock.systemUTC());
            if (config.sampleCounty()) {
                SampleCounty.read()
                        .storeIfEmpty(directories, lists, new TaxonomyRepository(background, Clock.systemUTC()))
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(60, TimeUnit.SECONDS);
            }
            DispatchRulesHolder rules =
                    new DispatchRulesHolder(directories, lists, new SlaPolicyRepository(background, Clock.systemUTC()));
            rules.follow(vertx, 5_000).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            if (config.sampleCounty()) {
                new Mailboxes(background, Clock.systemUTC())
                        .storeSampleIfEmpty(rules.current().directory())
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(60, TimeUnit.SECONDS);
            }
            RedisAPI hubRedis = RedisAPI.api(
                    Redis.createClient(vertx, new RedisOptions().setConnectionString(datastores.redisUri())));
            TicketWorkflow workflow = new TicketWorkflow(
                            background, rules::current, calendars::current, Clock.systemUTC())
                    .announcing(new LiveEvents(hubRedis, config.redisKeyPrefix()));
            ClockWorker clocks = new ClockWorker(
                    background,
                    Clock.systemUTC(),
                    "hub@" + ProcessHandle.current().pid());
            Optional<Notifier> sms = config.smsUrl().isEmpty()
                    ? Optional.empty()
                    : Optional.of(new SmsGateway(vertx, config.smsUrl().get(), config.smsToken()));
            Duration apiTimeout = Duration.ofMillis(config.wechatApiTimeoutMillis());
            WeChatApis wechatApis = new WeChatApis(
                    config.wechatSecret().isEmpty() || config.wechatAppId().isBlank()
                            ? Optional.empty()
                            : Optional.of(new WeChatApi(
                                    vertx,
                                    hubRedis,
                                    config.redisKeyPrefix(),
                                    config.wechatApiBase(),
                                    config.wechatAppId(),
                                    config.wechatSecret().get(),
                                    apiTimeout)),
                    config.miniProgramAppId().isEmpty()
                                    || config.miniProgramSecret().isEmpty()
                            ? Optional.empty()
                            : Optional.of(new WeChatApi(
                                    vertx,
                                    hubRedis,
                                    config.redisKeyPrefix(),
                                    config.miniProgramApiBase(),
                                    config.miniProgramAppId().get(),
                                    config.miniProgramSecret().get(),
                                    apiTimeout)));
            Optional<Notifier> wechat = wechatApis.officialAccount().map(WeChatNotifier::new);
            OutboxWorker outbox = new OutboxWorker(
                    background,
                    new CitizenNotifier(background, sms, wechat),
                    Clock.systemUTC(),
                    Duration.ofSeconds(config.outboxRetrySeconds()));
            BackgroundJobs jobs = new BackgroundJobs(vertx, config.jobPeriodMillis())
                    .schedule("clocks", clocks::fireDue)
                    .schedule("outbox", outbox::deliverDue);
            if (config.autoDispatch()) {
                jobs.schedule("dispatch", workflow::dispatchReceived);
            }
            KbRepository knowledge = new KbRepository(background, Clock.systemUTC());
            if (config.kbStarter()) {
                List<KbEntry> starter = EntryFiles.starter();
                knowledge
                        .isEmpty()
                        .compose(empty -> empty
                                ? knowledge.importAll(starter, "system", false).mapEmpty()
                                : Future.<Void>succeededFuture())
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(120, TimeUnit.SECONDS);
            }
            LiveBridge live = new LiveBridge(vertx, datastores.redisUri(), config.redisKeyPrefix());
            live.start();
            KbIndexHolder kb = new KbIndexHolder(vertx, knowledge);
            kb.follow(1_000).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
            config = deployHttp(vertx, config, datastores, classifiers, calendars, rules, kb, wechatApis);
            if (config.cti().isPresent()) {
                vertx.deployVerticle(
                                new HotlineVerticle(),
                                new DeploymentOptions()
                                        .setConfig(
                                                config.toVerticleConfig(datastores.mysqlUri(), datastores.redisUri())))
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(60, TimeUnit.SECONDS);
            }
            log.info(
                    "Hub listening on http://{}:{}/ (data in {})",
                    config.httpHost(),
                    config.httpPort(),
                    config.dataDir());
            return new Hub(config, datastores, vertx, live);
        } catch (ExecutionException | TimeoutException | InterruptedException | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (vertx != null) {
                awaitClose(vertx, config.shutdownGrace().toSeconds() + 10);
            }
            datastores.close();
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("The hub did not start: " + cause.getMessage(), cause);
        }
    }

    private static HubConfig deployHttp(
            Vertx vertx,
            HubConfig requested,
            Datastores datastores,
            ClassifierHolder classifiers,
            CalendarHolder calendars,
            DispatchRulesHolder rules,
            KbIndexHolder kb,
            WeChatApis wechatApis)
            throws ExecutionException, InterruptedException, TimeoutException {
        boolean anyPort = requested.httpPort() == 0;
        for (int attempt = 1; ; attempt++) {
            HubConfig candidate = anyPort ? requested.withHttpPort(FreePorts.pick()) : requested;
            DeploymentOptions http = new DeploymentOptions()
                    .setInstances(candidate.httpInstances())
                    .setConfig(candidate.toVerticleConfig(datastores.mysqlUri(), datastores.redisUri()));
            try {
                vertx.deployVerticle(() -> new HttpServerVerticle(classifiers, calendars, rules, kb, wechatApis), http)
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(60, TimeUnit.SECONDS);
                return candidate;
            } catch (ExecutionException e) {
                boolean portTaken = String.valueOf(e.getCause().getMessage()).contains("Address already in use");
                if (!anyPort || !portTaken || attempt >= 5) {
                    throw e;
                }
                log.info("Port {} was taken meanwhile; trying another", candidate.httpPort());
            }
        }
    }

    /** The configuration in force, with the actual HTTP port. */
    public HubConfig config() {
        return config;
    }

    /** The port the HTTP server listens on. */
    public int httpPort() {
        return config.httpPort();
    }

    /** The MySQL URI in use (embedded or external). */
    public String mysqlUri() {
        return datastores.mysqlUri();
    }

    /** The Redis URI in use (embedded or external). */
    public String redisUri() {
        return datastores.redisUri();
    }

    /** Stops accepting requests, lets in-flight ones finish, then stops the embedded servers. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        log.info("Hub stopping");
        live.stop();
        awaitClose(vertx, config.shutdownGrace().toSeconds() + 10);
        datastores.close();
        log.info("Hub stopped");
    }

    private static void awaitClose(Vertx instance, long seconds) {
        try {
            instance.close().toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Vert.x did not close cleanly", e);
        }
    }
}
