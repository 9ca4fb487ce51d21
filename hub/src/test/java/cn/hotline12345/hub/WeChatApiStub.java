package cn.hotline12345.hub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for WeChat's server API as the hub uses it: issues access tokens at {@code GET /cgi-bin/token} (for the
 * test app id and secret only) and records text customer-service messages posted to {@code POST
 * /cgi-bin/message/custom/send}. Tokens can be expired (the next message gets 42001) and openids made unreachable
 * with a chosen errcode, as WeChat does after its 48-hour window (45015).
 */
public final class WeChatApiStub {

    /** The AppSecret the test hubs are configured with. */
    public static final String SECRET = "test-app-secret-0123456789abcdef";

    /** The mini-program's AppID the hubs under test use. */
    public static final String MINI_APPID = "wxminiprogram00001";

    /** The mini-program's AppSecret the hubs under test use. */
    public static final String MINI_SECRET = "test-mini-secret-0123456789abcdef";

    private final HttpServer server;
    private final AtomicInteger issued = new AtomicInteger();
    private final Set<String> valid = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> refusals = new ConcurrentHashMap<>();
    private final List<JsonObject> messages = new CopyOnWriteArrayList<>();
    private final List<JsonObject> refused = new CopyOnWriteArrayList<>();

    private WeChatApiStub(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free loopback port. */
    public static WeChatApiStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            WeChatApiStub stub = new WeChatApiStub(server);
            server.createContext("/cgi-bin/token", stub::token);
            server.createContext("/cgi-bin/message/custom/send", stub::customSend);
            server.createContext("/sns/jscode2session", stub::codeToSession);
            server.createContext("/cgi-bin/user/info", stub::userInfo);
            server.createContext("/wxa/business/getuserphonenumber", stub::phoneNumber);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL the hub is configured with. */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Access tokens issued so far. */
    public int tokensIssued() {
        return issued.get();
    }

    /** Makes every token issued so far invalid, as if it had expired. */
    public void expireTokens() {
        valid.clear();
    }

    /** Answers messages to {@code openid} with {@code errcode} from now on. */
    public void refuse(String openid, int errcode) {
        refusals.put(openid, errcode);
    }

    /** Text messages accepted for {@code openid}, each with {@code touser}, {@code content} and {@code token}. */
    public List<JsonObject> to(String openid) {
        return messages.stream()
                .filter(m -> openid.equals(m.getString("touser")))
                .toList();
    }

    /** Messages refused with an errcode, each with {@code touser} and {@code errcode}. */
    public List<JsonObject> refusedTo(String openid) {
        return refused.stream()
                .filter(m -> openid.equals(m.getString("touser")))
                .toList();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange);
        JsonObject answer;
        if (!"GET".equals(exchange.getRequestMethod()) || !"client_credential".equals(query.get("grant_type"))) {
            answer = error(40002, "invalid grant_type");
        } else if (!TestHub.WECHAT_APPID.equals(query.get("appid")) && !MINI_APPID.equals(query.get("appid"))) {
            answer = error(40013, "invalid appid");
        } else if (!(TestHub.WECHAT_APPID.equals(query.get("appid")) ? SECRET : MINI_SECRET)
                .equals(query.get("secret"))) {
            answer = error(40125, "invalid appsecret");
        } else {
            String token = "ACCESS_TOKEN_" + issued.incrementAndGet();
            valid.add(token);
            answer = new JsonObject().put("access_token", token).put("expires_in", 7200);
        }
        reply(exchange, answer);
    }

    private void customSend(HttpExchange exchange) throws IOException {
        String token = query(exchange).get("access_token");
        JsonObject body = new JsonObject(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String touser = body.getString("touser");
        JsonObject answer;
        if (token == null || !token.startsWith("ACCESS_TOKEN_")) {
            answer = error(40001, "invalid credential, access_token is invalid or not latest");
        } else if (!valid.contains(token)) {
            answer = error(42001, "access_token expired");
        } else if (!"text".equals(body.getString("msgtype")) || body.getJsonObject("text") == null) {
            answer = error(40008, "invalid message type");
        } else if (refusals.containsKey(touser)) {
            int errcode = refusals.get(touser);
            refused.add(new JsonObject().put("touser", touser).put("errcode", errcode));
            answer = error(errcode, "response out of time limit or subscription is canceled");
        } else {
            messages.add(new JsonObject()
                    .put("touser", touser)
                    .put("content", body.getJsonObject("text").getString("content"))
                    .put("token", token));
            answer = error(0, "ok");
        }
        reply(exchange, answer);
    }

    /**
     * Mini-program login as WeChat answers it (as text/plain): code {@code bad} is refused (40029), {@code risky} is a
     * risky user (40226), {@code busy} gets -1; any other code signs in user {@code oMini-<code>}, with unionid {@code
     * oUnion-<code>} when the code starts with {@code u-}.
     */
    private void codeToSession(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange);
        String code = query.getOrDefault("js_code", "");
        JsonObject answer;
        if (!MINI_APPID.equals(query.get("appid")) || !MINI_SECRET.equals(query.get("secret"))) {
            answer = error(40013, "invalid appid");
        } else if (!"authorization_code".equals(query.get("grant_type"))) {
            answer = error(40002, "invalid grant_type");
        } else if (code.equals("bad")) {
            answer = error(40029, "invalid code");
        } else if (code.equals("risky")) {
            answer = error(40226, "high risk user");
        } else if (code.equals("busy")) {
            answer = error(-1, "system error");
        } else {
            answer = new JsonObject().put("openid", "oMini-" + code).put("session_key", "c2Vzc2lvbg==");
            if (code.startsWith("u-")) {
                answer.put("unionid", "oUnion-" + code);
            }
        }
        byte[] bytes = answer.encode().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** A follower's info: openids starting with {@code oU-} have the unionid {@code oUnion-<rest>}. */
    private void userInfo(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange);
        String openid = query.getOrDefault("openid", "");
        JsonObject answer;
        if (!valid.contains(query.get("access_token"))) {
            answer = error(40001, "invalid credential");
        } else {
            answer = new JsonObject().put("subscribe", 1).put("openid", openid);
            if (openid.startsWith("oU-")) {
                answer.put("unionid", "oUnion-" + openid.substring(3));
            }
        }
        reply(exchange, answer);
    }

    /** The phone WeChat confirmed: code {@code phone-<digits>} answers those digits, any other code 40029. */
    private void phoneNumber(HttpExchange exchange) throws IOException {
        String token = query(exchange).get("access_token");
        JsonObject body = new JsonObject(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String code = body.getString("code", "");
        JsonObject answer;
        if (!valid.contains(token)) {
            answer = error(40001, "invalid credential");
        } else if (!code.startsWith("phone-")) {
            answer = error(40029, "invalid code");
        } else {
            String digits = code.substring(6);
            answer = error(0, "ok")
                    .put(
                            "phone_info",
                            new JsonObject()
                                    .put("phoneNumber", "+86 " + digits)
                                    .put("purePhoneNumber", digits)
                                    .put("countryCode", "86"));
        }
        reply(exchange, answer);
    }

    private static JsonObject error(int errcode, String errmsg) {
        return new JsonObject().put("errcode", errcode).put("errmsg", errmsg);
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    private static void reply(HttpExchange exchange, JsonObject answer) throws IOException {
        byte[] bytes = answer.encode().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; encoding=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
