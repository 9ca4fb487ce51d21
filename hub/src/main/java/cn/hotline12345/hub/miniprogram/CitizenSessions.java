package cn.hotline12345.hub.miniprogram;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Sessions of citizens signed in through the mini-program, kept in Redis so every hub knows them. */
public final class CitizenSessions {

    /**
     * A signed-in citizen.
     *
     * @param openid the mini-program openid code2session answered
     * @param unionid the unionid, or null
     */
    public record CitizenSession(String openid, String unionid) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RedisAPI redis;
    private final String prefix;
    private final Duration lifetime;

    public CitizenSessions(RedisAPI redis, String keyPrefix, Duration lifetime) {
        this.redis = redis;
        this.prefix = keyPrefix + "mp:session:";
        this.lifetime = lifetime;
    }

    /** Opens a session and answers its token. */
    public Future<String> open(CitizenSession session) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = "mp_" + HexFormat.of().formatHex(bytes);
        String value = new JsonObject()
                .put("openid", session.openid())
                .put("unionid", session.unionid())
                .encode();
        return redis.set(List.of(prefix + token, value, "EX", String.valueOf(lifetime.toSeconds())))
                .map(token);
    }

    /** The session of a token, if it is valid. */
    public Future<Optional<CitizenSession>> find(String token) {
        if (token == null || !token.startsWith("mp_") || token.length() > 100) {
            return Future.succeededFuture(Optional.empty());
        }
        return redis.get(prefix + token).map(value -> {
            if (value == null) {
                return Optional.empty();
            }
            try {
                JsonObject json = new JsonObject(value.toString());
                return Optional.of(new CitizenSession(json.getString("openid"), json.getString("unionid")));
            } catch (DecodeException e) {
                return Optional.empty();
            }
        });
    }

    /** How long a session lasts. */
    public Duration lifetime() {
        return lifetime;
    }
}
