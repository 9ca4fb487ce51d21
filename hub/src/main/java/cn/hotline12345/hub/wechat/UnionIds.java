package cn.hotline12345.hub.wechat;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The unionid of an official-account follower ({@code GET /cgi-bin/user/info}), which links their official-account
 * openid with their mini-program openid when both apps belong to one open-platform account. Answers are cached in Redis
 * for a day; a slow or failing WeChat gives no unionid rather than a late passive reply.
 */
public final class UnionIds {

    private static final long WAIT_MILLIS = 1_500;
    private static final String NONE = "-";

    private final Optional<WeChatApi> api;
    private final RedisAPI redis;
    private final String prefix;

    public UnionIds(Optional<WeChatApi> api, RedisAPI redis, String keyPrefix) {
        this.api = api;
        this.redis = redis;
        this.prefix = keyPrefix + "wechat:unionid:";
    }

    /** The follower's unionid, if WeChat knows one. */
    public Future<Optional<String>> of(String openid) {
        if (api.isEmpty()) {
            return Future.succeededFuture(Optional.empty());
        }
        return redis.get(prefix + openid).compose(cached -> {
            if (cached != null) {
                String value = cached.toString();
                return Future.succeededFuture(NONE.equals(value) ? Optional.empty() : Optional.of(value));
            }
            return api.get()
                    .call("/cgi-bin/user/info", Map.of("openid", openid, "lang", "zh_CN"), null)
                    .timeout(WAIT_MILLIS, TimeUnit.MILLISECONDS)
                    .compose(info -> {
                        String unionid = info.getString("unionid");
                        String stored = unionid == null || unionid.isBlank() ? NONE : unionid;
                        return redis.set(List.of(prefix + openid, stored, "EX", "86400"))
                                .map(done -> NONE.equals(stored) ? Optional.<String>empty() : Optional.of(stored));
                    })
                    .recover(failure -> Future.succeededFuture(Optional.empty()));
        });
    }
}
