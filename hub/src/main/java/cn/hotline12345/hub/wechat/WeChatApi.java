package cn.hotline12345.hub.wechat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.redis.client.RedisAPI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The official account's side of WeChat's server API: the access token ({@code GET {base}/cgi-bin/token}) and
 * customer-service text messages ({@code POST {base}/cgi-bin/message/custom/send}).
 *
 * <p>The access token is cached in Redis, shared by every hub of the account, and expires there five minutes before
 * WeChat's {@code expires_in}, so it is renewed before it lapses. A call refused with 40001, 40014 or 42001 renews it
 * at once and is repeated once. Each hub fetches at most one token at a time; should two hubs renew together, WeChat
 * keeps the older token valid for a few minutes, so neither breaks. Every call has a hard time limit.
 */
public final class WeChatApi {

    private static final long RENEW_BEFORE_SECONDS = 300;

    private final WebClient client;
    private final RedisAPI redis;
    private final String tokenKey;
    private final String base;
    private final String appId;
    private final String secret;
    private final long timeoutMillis;
    private final AtomicReference<Future<String>> fetching = new AtomicReference<>();

    /**
     * @param vertx the Vert.x the calls run on
     * @param redis where the access token is shared
     * @param keyPrefix prefix of the hub's Redis keys
     * @param base the API's base URL, e.g. {@code https://api.weixin.qq.com}
     * @param appId the official account's AppID
     * @param secret the official account's AppSecret
     * @param timeout hard limit of one call
     */
    public WeChatApi(
            Vertx vertx, RedisAPI redis, String keyPrefix, String base, String appId, String secret, Duration timeout) {
        this.timeoutMillis = timeout.toMillis();
        this.client = WebClient.create(
                vertx,
                new WebClientOptions()
                        .setConnectTimeout((int) Math.min(timeoutMillis, Integer.MAX_VALUE))
                        .setIdleTimeout(30)
                        .setUserAgent("hotline12345-hub"));
        this.redis = redis;
        this.tokenKey = keyPrefix + "wechat:token:" + appId;
        this.base = base;
        this.appId = appId;
        this.secret = secret;
    }

    /** Sends a text customer-service message to {@code openid}; fails with {@link WeChatApiException} if refused. */
    public Future<Void> sendText(String openid, String text) {
        JsonObject body = new JsonObject()
                .put("touser", openid)
                .put("msgtype", "text")
                .put("text", new JsonObject().put("content", text));
        return call("/cgi-bin/message/custom/send", Map.of(), body).mapEmpty();
    }

    /**
     * Calls an API that takes the access token as a query parameter — {@code POST} with a JSON body, or {@code GET} when
     * the body is null — renewing the token once when WeChat says it is invalid. Answers WeChat's JSON; fails with
     * {@link WeChatApiException} when WeChat refuses.
     */
    public Future<JsonObject> call(String path, Map<String, String> query, JsonObject body) {
        return accessToken().compose(token -> send(token, path, query, body)
                .recover(failure -> failure instanceof WeChatApiException refused && refused.tokenInvalid()
                        ? renew(token).compose(fresh -> send(fresh, path, query, body))
                        : Future.failedFuture(failure)));
    }

    private Future<JsonObject> send(String token, String path, Map<String, String> query, JsonObject body) {
        var request = body == null ? client.getAbs(base + path) : client.postAbs(base + path);
        request.addQueryParam("access_token", token).timeout(timeoutMillis);
        query.forEach(request::addQueryParam);
        return (body == null ? request.send() : request.sendJsonObject(body))
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .compose(WeChatApi::answer);
    }

    /** A valid access token: the shared one, or a new one when there is none. */
    public Future<String> accessToken() {
        return redis.get(tokenKey)
                .compose(cached -> cached != null ? Future.succeededFuture(cached.toString()) : fetchOnce());
    }

    private Future<String> renew(String stale) {
        return redis.get(tokenKey)
                .compose(cached -> cached != null && !stale.equals(cached.toString())
                        ? Future.succeededFuture(cached.toString())
                        : fetchOnce());
    }

    private Future<String> fetchOnce() {
        Promise<String> mine = Promise.promise();
        Future<String> running = fetching.compareAndExchange(null, mine.future());
        if (running != null) {
            return running;
        }
        fetchToken().andThen(done -> fetching.set(null)).onComplete(mine);
        return mine.future();
    }

    private Future<String> fetchToken() {
        return client.getAbs(base + "/cgi-bin/token")
                .addQueryParam("grant_type", "client_credential")
                .addQueryParam("appid", appId)
                .addQueryParam("secret", secret)
                .timeout(timeoutMillis)
                .send()
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .compose(WeChatApi::answer)
                .compose(answer -> {
                    String token = answer.getString("access_token");
                    if (token == null || token.isBlank()) {
                        return Future.failedFuture("WeChat gave no access_token");
                    }
                    long ttl = Math.max(60, answer.getLong("expires_in", 7200L) - RENEW_BEFORE_SECONDS);
                    return redis.set(List.of(tokenKey, token, "EX", String.valueOf(ttl)))
                            .map(stored -> token);
                });
    }

    private static Future<JsonObject> answer(HttpResponse<Buffer> response) {
        if (response.statusCode() / 100 != 2) {
            return Future.failedFuture("WeChat API answered HTTP " + response.statusCode());
        }
        JsonObject answer;
        try {
            answer = response.bodyAsJsonObject();
        } catch (DecodeException | ClassCastException e) {
            return Future.failedFuture("WeChat API answered no JSON");
        }
        if (answer == null) {
            return Future.failedFuture("WeChat API answered nothing");
        }
        int errcode = answer.getInteger("errcode", 0);
        return errcode == 0
                ? Future.succeededFuture(answer)
                : Future.failedFuture(new WeChatApiException(errcode, answer.getString("errmsg", "")));
    }
}
