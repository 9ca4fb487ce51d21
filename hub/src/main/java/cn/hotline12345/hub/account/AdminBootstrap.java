package cn.hotline12345.hub.account;

import io.vertx.core.Future;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first system admin, {@code admin}, when it does not exist: with {@code HUB_ADMIN_PASSWORD}, or with a
 * generated password printed once.
 */
public final class AdminBootstrap {

    /** The first admin's username. */
    public static final String ADMIN = "admin";

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private AdminBootstrap() {}

    /** Ensures the admin account exists. */
    public static Future<Void> ensureAdmin(AccountRepository accounts, Passwords passwords, String configured) {
        return accounts.find(ADMIN).compose(found -> {
            if (found.isPresent()) {
                return Future.succeededFuture();
            }
            boolean generated = configured == null || configured.isBlank();
            String password = generated ? generate() : configured;
            return passwords
                    .hash(password)
                    .compose(hash -> accounts.create(ADMIN, "系统管理员", hash, Role.ADMIN, null, true, "system"))
                    .onSuccess(created -> {
                        if (generated) {
                            log.warn(
                                    "Created the first admin account 'admin' with a generated password, printed once on"
                                            + " standard error; change it after signing in");
                            System.err.println("初始管理员账号 admin 的密码（仅显示这一次）：" + password);
                        } else {
                            log.info(
                                    "Created the first admin account 'admin' with the password from HUB_ADMIN_PASSWORD");
                        }
                    });
        });
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        while (password.length() < 14 || !Passwords.acceptable(password.toString())) {
            if (password.length() >= 14) {
                password.setLength(0);
            }
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
