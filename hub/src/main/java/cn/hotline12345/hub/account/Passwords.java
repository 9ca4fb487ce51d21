package cn.hotline12345.hub.account;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;

/** bcrypt password hashes, computed on worker threads: a hash takes a quarter second on purpose. */
public final class Passwords {

    /** bcrypt cost factor. */
    public static final int COST = 11;

    private static final String DUMMY_HASH = BCrypt.withDefaults().hashToString(COST, "no such user".toCharArray());

    private final Vertx vertx;

    public Passwords(Vertx vertx) {
        this.vertx = vertx;
    }

    /** The bcrypt hash of {@code password}. */
    public Future<String> hash(String password) {
        return vertx.executeBlocking(() -> BCrypt.withDefaults().hashToString(COST, password.toCharArray()), false);
    }

    /** Whether {@code password} matches {@code hash}; a null hash costs as much as a real check. */
    public Future<Boolean> verify(String password, String hash) {
        return vertx.executeBlocking(
                () -> BCrypt.verifyer()
                                .verify(
                                        password.getBytes(StandardCharsets.UTF_8),
                                        (hash == null ? DUMMY_HASH : hash).getBytes(StandardCharsets.UTF_8))
                                .verified
                        && hash != null,
                false);
    }

    /** Whether a new password is acceptable: 8 to 72 characters with letters and digits. */
    public static boolean acceptable(String password) {
        return password != null
                && password.length() >= 8
                && password.getBytes(StandardCharsets.UTF_8).length <= 72
                && password.chars().anyMatch(Character::isLetter)
                && password.chars().anyMatch(Character::isDigit);
    }
}
