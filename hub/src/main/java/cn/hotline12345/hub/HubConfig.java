package cn.hotline12345.hub;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of one hub process, read once at start from the environment and command-line flags. Every key is listed in
 * {@code deploy/CONFIGURATION.md}.
 *
 * @param httpHost address the HTTP server binds ({@code HUB_HTTP_HOST}, default {@code 0.0.0.0})
 * @param httpPort HTTP port ({@code HUB_HTTP_PORT}, default 8080; 0 picks a free port)
 * @param dataDir where embedded servers keep their data ({@code HUB_DATA_DIR}, default {@code ./data})
 * @param cacheDir where unpacked MariaDB binaries are kept ({@code HUB_CACHE_DIR}, default {@code
 *     ~/.cache/hotline12345})
 * @param mysqlUri external MySQL/MariaDB, {@code mysql://user:pass@host:port/db} ({@code HUB_MYSQL_URI}); empty starts
 *     the embedded MariaDB
 * @param redisUri external Redis, {@code redis://host:port/n} ({@code HUB_REDIS_URI}); empty starts the embedded Redis
 * @param dbPoolSize connections in the MySQL pool ({@code HUB_DB_POOL_SIZE}, default 32)
 * @param httpInstances HTTP verticle instances ({@code HUB_HTTP_INSTANCES}, default the number of cores)
 * @param bodyLimitBytes largest accepted request body ({@code HUB_BODY_LIMIT_BYTES}, default 262144)
 * @param redisKeyPrefix prefix of every Redis key the hub writes ({@code HUB_REDIS_KEY_PREFIX}, default {@code hub:})
 * @param shutdownGrace how long in-flight requests may take on shutdown ({@code HUB_SHUTDOWN_GRACE_SECONDS}, default
 *     20)
 * @param triageConfidence category confidence under which a new ticket goes to the 待分类 queue ({@code
 *     HUB_TRIAGE_CONFIDENCE}, default 0.5)
 * @param workingHours the centre's working hours ({@code HUB_WORKING_HOURS}, default {@code 08:30-12:00,14:00-17:30})
 * @param adminPassword password of the first admin account when it is created ({@code HUB_ADMIN_PASSWORD}); null
 *     generates one and prints it once
 * @param sessionLifetime how long a staff session lasts ({@code HUB_SESSION_HOURS}, default 8)
 * @param sampleCounty whether an empty directory is filled with the sample county 青溪县 and its responsibility list
 *     at first start ({@code HUB_SAMPLE_COUNTY}, default true)
 * @param jobPeriodMillis how often background jobs (dispatch, deadline clocks) look for work ({@code
 *     HUB_JOB_PERIOD_MILLIS}, default 1000)
 * @param smsUrl the SMS gateway replies to citizens are posted to ({@code HUB_SMS_URL}); empty leaves replies in the
 *     progress query only
 * @param smsToken bearer token for the SMS gateway ({@code HUB_SMS_TOKEN})
 * @param outboxRetrySeconds first retry delay of a failed notification, doubled each time up to an hour ({@code
 *     HUB_OUTBOX_RETRY_SECONDS}, default 30)
 * @param autoDispatch whether classified tickets are dispatched by the responsibility list automatically ({@code
 *     HUB_AUTO_DISPATCH}, default true); false leaves every ticket for a dispatcher (人工派单)
 * @param kbStarter whether an empty knowledge base is filled with the project's starter Q&A entries at start ({@code
 *     HUB_KB_STARTER}, default true)
 * @param wechatToken the token of the WeChat official account's server configuration ({@code HUB_WECHAT_TOKEN}); empty
 *     disables {@code /wechat}
 * @param wechatAesKey the EncodingAESKey for safe mode ({@code HUB_WECHAT_AES_KEY}); empty allows plaintext mode only
 * @param wechatAppId the official account's AppID, checked in safe mode ({@code HUB_WECHAT_APPID})
 * @param miniProgramAppId the mini-program's AppID ({@code HUB_MINIPROGRAM_APPID}); empty disables the mini-program
 *     backend
 * @param miniProgramSecret the mini-program's AppSecret, sent to code2session ({@code HUB_MINIPROGRAM_SECRET})
 * @param miniProgramApiBase where code2session is reached ({@code HUB_MINIPROGRAM_API_BASE}, default {@code
 *     https://api.weixin.qq.com})
 * @param photoMaxBytes largest photo a citizen may attach ({@code HUB_PHOTO_MAX_BYTES}, default 5 MiB)
 * @param wechatApiBase base URL of the WeChat API that customer-service messages and access tokens go through ({@code
 *     HUB_WECHAT_API_BASE}, default {@code https://api.weixin.qq.com})
 * @param wechatSecret the official account's AppSecret ({@code HUB_WECHAT_SECRET}); with the AppID it enables
 *     notifications as customer-service messages, without it WeChat tickets are notified by SMS or progress query
 * @param wechatApiTimeoutMillis hard limit of one WeChat API call ({@code HUB_WECHAT_API_TIMEOUT_MILLIS}, default 5000)
 * @param cti the hotline switch link ({@code HUB_CTI_*}); empty when no switch host is configured
 */
public record HubConfig(
        String httpHost,
        int httpPort,
        Path dataDir,
        Path cacheDir,
        Optional<String> mysqlUri,
        Optional<String> redisUri,
        int dbPoolSize,
        int httpInstances,
        int bodyLimitBytes,
        String redisKeyPrefix,
        Duration shutdownGrace,
        double triageConfidence,
        String workingHours,
        String adminPassword,
        Duration sessionLifetime,
        boolean sampleCounty,
        int jobPeriodMillis,
        Optional<String> smsUrl,
        Optional<String> smsToken,
        int outboxRetrySeconds,
        boolean autoDispatch,
        boolean kbStarter,
        Optional<String> wechatToken,
        Optional<String> wechatAesKey,
        String wechatAppId,
        Optional<String> miniProgramAppId,
        Optional<String> miniProgramSecret,
        String miniProgramApiBase,
        int photoMaxBytes,
        String wechatApiBase,
        Optional<String> wechatSecret,
        int wechatApiTimeoutMillis,
        Optional<CtiSettings> cti) {

    /**
     * The link to the call-centre switch's event socket (FreeSWITCH mod_event_socket).
     *
     * @param host the switch ({@code HUB_CTI_HOST})
     * @param port its event socket port ({@code HUB_CTI_PORT}, default 8021)
     * @param password the event socket password ({@code HUB_CTI_PASSWORD}, required with a host)
     * @param backoffInitialMillis first reconnect delay ({@code HUB_CTI_BACKOFF_INITIAL_MILLIS}, default 1000)
     * @param backoffMaxMillis longest reconnect delay ({@code HUB_CTI_BACKOFF_MAX_MILLIS}, default 30000)
     * @param leaseMillis how long the hub holding the connection keeps it without renewing ({@code
     *     HUB_CTI_LEASE_MILLIS}, default 15000)
     * @param recordingVariable the channel variable holding the recording's path ({@code HUB_CTI_RECORDING_VARIABLE},
     *     default {@code record_file_path})
     */
    public record CtiSettings(
            String host,
            int port,
            String password,
            int backoffInitialMillis,
            int backoffMaxMillis,
            int leaseMillis,
            String recordingVariable) {

        static Optional<CtiSettings> from(Map<String, String> env) {
            Optional<String> host = optional(env, "HUB_CTI_HOST");
            if (host.isEmpty()) {
                return Optional.empty();
            }
            String password = optional(env, "HUB_CTI_PASSWORD")
                    .orElseThrow(() -> new IllegalArgumentException("HUB_CTI_PASSWORD must be set with HUB_CTI_HOST"));
            int initial = intValue(env, "HUB_CTI_BACKOFF_INITIAL_MILLIS", 1000, 10, 60_000);
            return Optional.of(new CtiSettings(
                    host.get(),
                    intValue(env, "HUB_CTI_PORT", 8021, 1, 65535),
                    password,
                    initial,
                    intValue(env, "HUB_CTI_BACKOFF_MAX_MILLIS", Math.max(initial, 30_000), initial, 3_600_000),
                    intValue(env, "HUB_CTI_LEASE_MILLIS", 15_000, 300, 600_000),
                    env.getOrDefault("HUB_CTI_RECORDING_VARIABLE", "record_file_path")
                            .strip()));
        }

        /** Like the record's, but never shows the password. */
        @Override
        public String toString() {
            return "CtiSettings[" + host + ":" + port + "]";
        }
    }

    /** Reads the settings from environment variables, using defaults for those not set. */
    public static HubConfig fromEnvironment(Map<String, String> env) {
        return new HubConfig(
                env.getOrDefault("HUB_HTTP_HOST", "0.0.0.0"),
                intValue(env, "HUB_HTTP_PORT", 8080, 0, 65535),
                Path.of(env.getOrDefault("HUB_DATA_DIR", "data")),
                Path.of(env.getOrDefault(
                        "HUB_CACHE_DIR",
                        Path.of(System.getProperty("user.home"), ".cache", "hotline12345")
                                .toString())),
                optional(env, "HUB_MYSQL_URI"),
                optional(env, "HUB_REDIS_URI"),
                intValue(env, "HUB_DB_POOL_SIZE", 32, 1, 1000),
                intValue(env, "HUB_HTTP_INSTANCES", Runtime.getRuntime().availableProcessors(), 1, 256),
                intValue(env, "HUB_BODY_LIMIT_BYTES", 256 * 1024, 1024, 64 * 1024 * 1024),
                env.getOrDefault("HUB_REDIS_KEY_PREFIX", "hub:"),
                Duration.ofSeconds(intValue(env, "HUB_SHUTDOWN_GRACE_SECONDS", 20, 0, 3600)),
                doubleValue(env, "HUB_TRIAGE_CONFIDENCE", 0.5),
                env.getOrDefault("HUB_WORKING_HOURS", "08:30-12:00,14:00-17:30"),
                optional(env, "HUB_ADMIN_PASSWORD").orElse(null),
                Duration.ofHours(intValue(env, "HUB_SESSION_HOURS", 8, 1, 24 * 30)),
                flag(env, "HUB_SAMPLE_COUNTY"),
                intValue(env, "HUB_JOB_PERIOD_MILLIS", 1000, 50, 60_000),
                optional(env, "HUB_SMS_URL"),
                optional(env, "HUB_SMS_TOKEN"),
                intValue(env, "HUB_OUTBOX_RETRY_SECONDS", 30, 1, 3600),
                flag(env, "HUB_AUTO_DISPATCH"),
                flag(env, "HUB_KB_STARTER"),
                optional(env, "HUB_WECHAT_TOKEN"),
                optional(env, "HUB_WECHAT_AES_KEY"),
                env.getOrDefault("HUB_WECHAT_APPID", ""),
                optional(env, "HUB_MINIPROGRAM_APPID"),
                optional(env, "HUB_MINIPROGRAM_SECRET"),
                optional(env, "HUB_MINIPROGRAM_API_BASE").orElse("https://api.weixin.qq.com"),
                intValue(env, "HUB_PHOTO_MAX_BYTES", 5 * 1024 * 1024, 1024, 20 * 1024 * 1024),
                optional(env, "HUB_WECHAT_API_BASE")
                        .map(base -> base.replaceAll("/+$", ""))
                        .orElse("https://api.weixin.qq.com"),
                optional(env, "HUB_WECHAT_SECRET"),
                intValue(env, "HUB_WECHAT_API_TIMEOUT_MILLIS", 5000, 100, 60_000),
                CtiSettings.from(env));
    }

    /** This configuration with another HTTP port. */
    public HubConfig withHttpPort(int port) {
        return new HubConfig(
                httpHost,
                port,
                dataDir,
                cacheDir,
                mysqlUri,
                redisUri,
                dbPoolSize,
                httpInstances,
                bodyLimitBytes,
                redisKeyPrefix,
                shutdownGrace,
                triageConfidence,
                workingHours,
                adminPassword,
                sessionLifetime,
                sampleCounty,
                jobPeriodMillis,
                smsUrl,
                smsToken,
                outboxRetrySeconds,
                autoDispatch,
                kbStarter,
                wechatToken,
                wechatAesKey,
                wechatAppId,
                miniProgramAppId,
                miniProgramSecret,
                miniProgramApiBase,
                photoMaxBytes,
                wechatApiBase,
                wechatSecret,
                wechatApiTimeoutMillis,
                cti);
    }

    /** This configuration with another data directory. */
    public HubConfig withDataDir(Path dir) {
        return new HubConfig(
                httpHost,
                httpPort,
                dir,
                cacheDir,
                mysqlUri,
                redisUri,
                dbPoolSize,
                httpInstances,
                bodyLimitBytes,
                redisKeyPrefix,
                shutdownGrace,
                triageConfidence,
                workingHours,
                adminPassword,
                sessionLifetime,
                sampleCounty,
                jobPeriodMillis,
                smsUrl,
                smsToken,
                outboxRetrySeconds,
                autoDispatch,
                kbStarter,
                wechatToken,
                wechatAesKey,
                wechatAppId,
                miniProgramAppId,
                miniProgramSecret,
                miniProgramApiBase,
                photoMaxBytes,
                wechatApiBase,
                wechatSecret,
                wechatApiTimeoutMillis,
                cti);
    }

    /** This configuration pointing at the given servers. */
    public HubConfig withServers(Optional<String> mysql, Optional<String> redis) {
        return new HubConfig(
                httpHost,
                httpPort,
                dataDir,
                cacheDir,
                mysql,
                redis,
                dbPoolSize,
                httpInstances,
                bodyLimitBytes,
                redisKeyPrefix,
                shutdownGrace,
                triageConfidence,
                workingHours,
                adminPassword,
                sessionLifetime,
                sampleCounty,
                jobPeriodMillis,
                smsUrl,
                smsToken,
                outboxRetrySeconds,
                autoDispatch,
                kbStarter,
                wechatToken,
                wechatAesKey,
                wechatAppId,
                miniProgramAppId,
                miniProgramSecret,
                miniProgramApiBase,
                photoMaxBytes,
                wechatApiBase,
                wechatSecret,
                wechatApiTimeoutMillis,
                cti);
    }

    /** The settings the verticles need, as deployment configuration. */
    public JsonObject toVerticleConfig(String resolvedMysqlUri, String resolvedRedisUri) {
        return new JsonObject()
                .put("http.host", httpHost)
                .put("http.port", httpPort)
                .put("http.bodyLimit", bodyLimitBytes)
                .put("http.instances", httpInstances)
                .put("mysql.uri", resolvedMysqlUri)
                .put("mysql.poolSize", dbPoolSize)
                .put("redis.uri", resolvedRedisUri)
                .put("redis.keyPrefix", redisKeyPrefix)
                .put("shutdown.graceMillis", shutdownGrace.toMillis())
                .put("calendar.workingHours", workingHours)
                .put("session.lifetimeSeconds", sessionLifetime.toSeconds())
                .put("wechat.token", wechatToken.orElse(null))
                .put("wechat.aesKey", wechatAesKey.orElse(null))
                .put("wechat.appId", wechatAppId)
                .put("miniprogram.appId", miniProgramAppId.orElse(null))
                .put("miniprogram.secret", miniProgramSecret.orElse(null))
                .put("miniprogram.apiBase", miniProgramApiBase)
                .put("photo.maxBytes", photoMaxBytes)
                .put("data.dir", dataDir.toAbsolutePath().toString())
                .put("wechat.apiBase", wechatApiBase)
                .put("wechat.apiTimeoutMillis", wechatApiTimeoutMillis)
                .put("cti.host", cti.map(CtiSettings::host).orElse(null))
                .put("cti.port", cti.map(CtiSettings::port).orElse(null))
                .put("cti.password", cti.map(CtiSettings::password).orElse(null))
                .put(
                        "cti.backoffInitialMillis",
                        cti.map(CtiSettings::backoffInitialMillis).orElse(null))
                .put(
                        "cti.backoffMaxMillis",
                        cti.map(CtiSettings::backoffMaxMillis).orElse(null))
                .put("cti.leaseMillis", cti.map(CtiSettings::leaseMillis).orElse(null))
                .put(
                        "cti.recordingVariable",
                        cti.map(CtiSettings::recordingVariable).orElse(null));
    }

    /** Like the record's, but never shows the admin password. */
    @Override
    public String toString() {
        return "HubConfig[httpHost=" + httpHost + ", httpPort=" + httpPort + ", dataDir=" + dataDir
                + ", sms gateway=" + smsUrl.isPresent() + ", wechat api=" + wechatSecret.isPresent()
                + ", cti=" + cti.map(CtiSettings::toString).orElse("off")
                + ", external mysql=" + mysqlUri.isPresent() + ", external redis=" + redisUri.isPresent() + "]";
    }

    private static boolean flag(Map<String, String> env, String key) {
        return !"false".equalsIgnoreCase(env.getOrDefault(key, "true").strip());
    }

    private static Optional<String> optional(Map<String, String> env, String key) {
        return Optional.ofNullable(env.get(key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static double doubleValue(Map<String, String> env, String key, double defaultValue) {
        String text = env.get(key);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (value < 0 || value > 1) {
                throw new IllegalArgumentException(key + " must be between 0 and 1, got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number between 0 and 1, got '" + text + "'");
        }
    }

    private static int intValue(Map<String, String> env, String key, int defaultValue, int min, int max) {
        String text = env.get(key);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + text + "'");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }
}
