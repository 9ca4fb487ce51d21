package cn.hotline12345.hub;

import io.vertx.core.json.JsonObject;
import io.vertx.mysqlclient.MySQLConnectOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One real hub per test JVM: embedded MariaDB and Redis under {@code target/}, or the servers named by the {@code
 * it.mysql.uri} and {@code it.redis.uri} system properties. Stopped when the JVM exits.
 */
public final class TestHub {

    /** The first admin's password in test hubs. */
    public static final String ADMIN_PASSWORD = "Admin2026test";

    /** The password of users made by {@link #tokenFor}. */
    public static final String STAFF_PASSWORD = "Hotline12345";

    /** The WeChat official account settings of the test hubs. */
    public static final String WECHAT_TOKEN = "hotline12345test";

    public static final String WECHAT_AES_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";
    public static final String WECHAT_APPID = "wx1234567890abcdef";

    /** The SMS provider the test hubs send to. */
    public static final SmsGatewayStub SMS = SmsGatewayStub.start();

    /** The WeChat API the test hubs send customer-service messages to. */
    public static final WeChatApiStub WECHAT_API = WeChatApiStub.start();
    /** The event-socket password of the test switch. */
    public static final String CTI_PASSWORD = "ClueCon-test";

    /** The call-centre switch (FreeSWITCH event socket) the test hubs connect to. */
    public static final SwitchStub SWITCH = SwitchStub.start(CTI_PASSWORD);

    private static Hub hub;
    private static String adminToken;
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestHub() {}

    /** The shared hub, started on first use. */
    public static synchronized Hub get() {
        if (hub == null) {
            hub = Hub.start(config(dataDir("shared")));
            Runtime.getRuntime().addShutdownHook(new Thread(hub::close));
        }
        return hub;
    }

    /** A configuration for a hub of the tests' own, with a free port and the given data directory. */
    public static HubConfig config(Path dataDir) {
        return config(dataDir, "it:" + UUID.randomUUID() + ":");
    }

    /** A configuration for a hub of the tests' own that shares Redis keys (sessions, chats) with hubs of the prefix. */
    public static HubConfig config(Path dataDir, String redisKeyPrefix) {
        Map<String, String> env = new HashMap<>();
        env.put("HUB_HTTP_PORT", "0");
        env.put("HUB_HTTP_HOST", "127.0.0.1");
        env.put("HUB_HTTP_INSTANCES", "2");
        env.put("HUB_DB_POOL_SIZE", "8");
        env.put("HUB_DATA_DIR", dataDir.toString());
        env.put("HUB_SHUTDOWN_GRACE_SECONDS", "5");
        env.put("HUB_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("HUB_REDIS_KEY_PREFIX", redisKeyPrefix);
        env.put("HUB_SMS_URL", SMS.url());
        env.put("HUB_SMS_TOKEN", "sms-test-token");
        env.put("HUB_OUTBOX_RETRY_SECONDS", "1");
        env.put("HUB_JOB_PERIOD_MILLIS", "200");
        env.put("HUB_WECHAT_TOKEN", WECHAT_TOKEN);
        env.put("HUB_WECHAT_AES_KEY", WECHAT_AES_KEY);
        env.put("HUB_WECHAT_APPID", WECHAT_APPID);
        env.put("HUB_WECHAT_API_BASE", WECHAT_API.base());
        env.put("HUB_WECHAT_SECRET", WeChatApiStub.SECRET);
        env.put("HUB_WECHAT_API_TIMEOUT_MILLIS", "3000");
        env.put("HUB_MINIPROGRAM_APPID", WeChatApiStub.MINI_APPID);
        env.put("HUB_MINIPROGRAM_SECRET", WeChatApiStub.MINI_SECRET);
        env.put("HUB_MINIPROGRAM_API_BASE", WECHAT_API.base());
        env.put("HUB_PHOTO_MAX_BYTES", String.valueOf(256 * 1024));
        env.put("HUB_CTI_HOST", "127.0.0.1");
        env.put("HUB_CTI_PORT", String.valueOf(SWITCH.port()));
        env.put("HUB_CTI_PASSWORD", CTI_PASSWORD);
        env.put("HUB_CTI_BACKOFF_INITIAL_MILLIS", "100");
        env.put("HUB_CTI_BACKOFF_MAX_MILLIS", "400");
        env.put("HUB_CTI_LEASE_MILLIS", "1500");
        return HubConfig.fromEnvironment(env).withServers(property("it.mysql.uri"), property("it.redis.uri"));
    }

    /** A fresh directory under {@code target/it-data}. */
    public static Path dataDir(String name) {
        try {
            return Files.createDirectories(Path.of("target", "it-data", name + "-" + UUID.randomUUID()))
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL of the shared hub, e.g. {@code http://127.0.0.1:41234}. */
    public static String baseUrl() {
        return "http://127.0.0.1:" + get().httpPort();
    }

    /** Sends a request to the shared hub and returns the response as text. */
    public static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code POST path} with a JSON body. */
    public static HttpResponse<String> postJson(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** {@code GET path}. */
    public static HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET());
    }

    /** The response body as JSON. */
    public static JsonObject json(HttpResponse<String> response) {
        return new JsonObject(response.body());
    }

    /** The first column of the first row of a query on the shared hub's database, as a long. */
    public static long count(String sql, Object... params) {
        MySQLConnectOptions options = MySQLConnectOptions.fromUri(get().mysqlUri());
        String url = "jdbc:mariadb://" + options.getHost() + ":" + options.getPort() + "/" + options.getDatabase();
        try (Connection connection = DriverManager.getConnection(url, options.getUser(), options.getPassword());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs an update on the shared hub's database; returns the error message, or an empty string on success. */
    public static String execute(String sql, Object... params) {
        MySQLConnectOptions options = MySQLConnectOptions.fromUri(get().mysqlUri());
        String url = "jdbc:mariadb://" + options.getHost() + ":" + options.getPort() + "/" + options.getDatabase();
        try (Connection connection = DriverManager.getConnection(url, options.getUser(), options.getPassword());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
            return "";
        } catch (SQLException e) {
            return String.valueOf(e.getMessage());
        }
    }

    /** Signs in and returns the session token. */
    public static String login(String username, String password) {
        HttpResponse<String> response = postJson(
                "/api/v1/auth/login",
                new JsonObject()
                        .put("username", username)
                        .put("password", password)
                        .encode());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Login failed: " + response.body());
        }
        return json(response).getString("token");
    }

    /** A session token of the first admin. */
    public static synchronized String adminToken() {
        if (adminToken == null) {
            adminToken = login("admin", ADMIN_PASSWORD);
        }
        return adminToken;
    }

    /** Creates a user with {@code role} (in {@code departmentId} for department roles) and returns its token. */
    public static String tokenFor(String role, Long departmentId) {
        String username = role.toLowerCase().replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        JsonObject user = new JsonObject()
                .put("username", username)
                .put("displayName", "测试" + role)
                .put("password", STAFF_PASSWORD)
                .put("role", role);
        if (departmentId != null) {
            user.put("departmentId", departmentId);
        }
        HttpResponse<String> created = sendAs(adminToken(), "POST", "/api/v1/admin/users", user);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Could not create user: " + created.body());
        }
        return login(username, STAFF_PASSWORD);
    }

    /** The id of the sample county's department with {@code code}, e.g. {@code WATER}. */
    public static long departmentId(String code) {
        return json(getAs(adminToken(), "/api/v1/departments")).getJsonArray("items").stream()
                .map(d -> (JsonObject) d)
                .filter(d -> d.getString("code").equals(code))
                .findFirst()
                .orElseThrow()
                .getLong("id");
    }

    /** A ticket as the centre's staff see it ({@code GET /api/v1/tickets/{no}}). */
    public static JsonObject ticketDetail(String ticketNo) {
        HttpResponse<String> response = getAs(adminToken(), "/api/v1/tickets/" + ticketNo);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No ticket " + ticketNo + ": " + response.body());
        }
        return json(response);
    }

    /** {@code GET path} as the holder of {@code token}. */
    public static HttpResponse<String> getAs(String token, String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .GET());
    }

    /** A request with a JSON body as the holder of {@code token}. */
    public static HttpResponse<String> sendAs(String token, String method, String path, JsonObject body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.encode())));
    }

    /** {@code POST path} with a file as the body, as the holder of {@code token}. */
    public static HttpResponse<String> upload(String token, String path, byte[] file, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)));
    }

    /** {@code GET path} as bytes, as the holder of {@code token}. */
    public static HttpResponse<byte[]> download(String token, String path) {
        try {
            return CLIENT.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + path))
                            .header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> property(String name) {
        return Optional.ofNullable(System.getProperty(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
