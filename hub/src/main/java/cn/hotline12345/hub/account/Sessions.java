package cn.hotline12345.hub.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Staff sessions and login-failure counters in Redis. A session key holds the user under the SHA-256 of the bearer
 * token (the token itself is never stored) and expires after the session lifetime.
 */
public final class Sessions {

    /** Failed logins within the window that lock an account. */
    public static final int MAX_FAILURES = 5;

    /** How long failures are remembered and an account stays locked. */
    public static final Duration LOCK_WINDOW = Duration.ofMinutes(15);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RedisAPI redis;
    private final String prefix;
    private final Duration lifetime;

    public Sessions(RedisAPI redis, String keyPrefix, Duration lifetime) {
        this.redis = redis;
        this.prefix = keyPrefix;
        this.lifetime = lifetime;
    }

    /** Opens a session and returns its bearer token. */
    public Future<String> open(StaffUser user) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String seconds = String.valueOf(lifetime.toSeconds());
        String index = userIndex(user.username());
        return redis.set(List.of(key(token), user.toJson().encode(), "EX", seconds))
                .compose(stored -> redis.sadd(List.of(index, key(token))))
                .compose(indexed -> redis.expire(List.of(index, seconds)))
                .map(token);
    }

    /** The user of a live session. */
    public Future<Optional<StaffUser>> find(String token) {
        return redis.get(key(token))
                .map(value -> Optional.ofNullable(value).map(v -> StaffUser.fromJson(new JsonObject(v.toString()))));
    }

    /** Ends a session. */
    public Future<Void> close(String token) {
        return redis.del(List.of(key(token))).mapEmpty();
    }

    /** Ends every session of a user, e.g. when the account is disabled or its password changes. */
    public Future<Void> closeAll(String username) {
        String index = userIndex(username);
        return redis.smembers(index)
                .compose(members -> {
                    List<String> keys = new ArrayList<>();
                    members.forEach(member -> keys.add(member.toString()));
                    keys.add(index);
                    return redis.del(keys);
                })
                .mapEmpty();
    }

    /** The session lifetime. */
    public Duration lifetime() {
        return lifetime;
    }

    /** Whether the account is locked by too many recent failures. */
    public Future<Boolean> locked(String username) {
        return redis.get(failuresKey(username)).map(value -> value != null && value.toInteger() >= MAX_FAILURES);
    }

    /** Counts a failed login. */
    public Future<Void> failed(String username) {
        String key = failuresKey(username);
        return redis.incr(key)
                .compose(count -> count.toInteger() == 1
                        ? redis.expire(List.of(key, String.valueOf(LOCK_WINDOW.toSeconds())))
                        : Future.succeededFuture())
                .mapEmpty();
    }

    /** Clears failures after a successful login or an admin's unlock. */
    public Future<Void> clearFailures(String username) {
        return redis.del(List.of(failuresKey(username))).mapEmpty();
    }

    private String key(String token) {
        return prefix + "session:" + sha256(token);
    }

    private String userIndex(String username) {
        return prefix + "sessions-of:" + username;
    }

    private String failuresKey(String username) {
        return prefix + "login-failures:" + username;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
