package cn.hotline12345.hub.miniprogram;

import cn.hotline12345.hub.http.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.List;

/**
 * WeChat's mini-program login: exchanges the {@code js_code} from {@code wx.login()} for the user's openid (and unionid
 * when the mini-program is bound to an open-platform account) at {@code GET {base}/sns/jscode2session}.
 */
public final class Code2Session {

    /**
     * Who signed in.
     *
     * @param openid the user's openid in this mini-program
     * @param unionid the unionid, or null
     */
    public record WeChatUser(String openid, String unionid) {}

    private static final long TIMEOUT_MILLIS = 5_000;

    private final WebClient client;
    private final String base;
    private final String appId;
    private final String secret;

    public Code2Session(Vertx vertx, String base, String appId, String secret) {
        this.client = WebClient.create(
                vertx, new WebClientOptions().setConnectTimeout(3_000).setUserAgent("hotline12345-hub"));
        this.base = base.replaceAll("/+$", "");
        this.appId = appId;
        this.secret = secret;
    }

    /** The user behind {@code code}; a 400 problem when WeChat refuses the code, 503 when WeChat cannot be reached. */
    public Future<WeChatUser> exchange(String code) {
        return client.getAbs(base + "/sns/jscode2session")
                .addQueryParam("appid", appId)
                .addQueryParam("secret", secret)
                .addQueryParam("js_code", code)
                .addQueryParam("grant_type", "authorization_code")
                .timeout(TIMEOUT_MILLIS)
                .send()
                .recover(failure -> Future.failedFuture(unavailable()))
                .compose(response -> {
                    JsonObject body;
                    try {
                        body = response.statusCode() == 200 ? response.bodyAsJsonObject() : null;
                    } catch (DecodeException e) {
                        body = null;
                    }
                    if (body == null) {
                        return Future.failedFuture(unavailable());
                    }
                    int errcode = body.getInteger("errcode", 0);
                    String openid = body.getString("openid");
                    if (errcode == 0 && openid != null && !openid.isBlank()) {
                        return Future.succeededFuture(new WeChatUser(openid, body.getString("unionid")));
                    }
                    return Future.failedFuture(
                            switch (errcode) {
                                case 40029, 40163 -> ApiException.invalid("code", "登录凭证无效或已使用，请重新登录");
                                case 45011 -> new ApiException(429, "too-many-requests", "登录过于频繁，请稍后再试", List.of());
                                case 40226 -> new ApiException(
                                        403, "forbidden", "微信判定该账号存在风险，暂不能登录；如需办事请拨打12345", List.of());
                                default -> unavailable();
                            });
                });
    }

    private static ApiException unavailable() {
        return new ApiException(503, "upstream-unavailable", "微信登录服务暂不可用，请稍后再试", List.of());
    }
}
