package cn.hotline12345.hub.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Staff accounts and the audit log; every change of an account is audited in the same transaction. */
public final class AccountRepository {

    /**
     * An account as stored.
     *
     * @param user the account
     * @param passwordHash its bcrypt hash
     * @param active whether it may sign in
     * @param extension the agent's phone extension (坐席分机号), or null
     */
    public record Account(StaffUser user, String passwordHash, boolean active, String extension) {}

    private final Pool pool;
    private final Clock clock;

    public AccountRepository(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** The account with this username. */
    public Future<Optional<Account>> find(String username) {
        return pool.preparedQuery(AccountSql.USER_BY_USERNAME)
                .execute(Tuple.of(username))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new Account(
                            user(row),
                            row.getString("password_hash"),
                            row.getBoolean("active"),
                            row.getString("extension")));
                });
    }

    /** Creates an account; fails with MariaDB error 1062 if the username is taken. */
    public Future<Void> create(
            String username,
            String displayName,
            String passwordHash,
            Role role,
            Long departmentId,
            boolean canUnmask,
            String actor) {
        LocalDateTime now = now();
        return pool.withTransaction(conn -> conn.preparedQuery(AccountSql.INSERT_USER)
                .execute(Tuple.from(new Object[] {
                    username, displayName, passwordHash, role.name(), departmentId, canUnmask, now, now
                }))
                .compose(done -> audit(
                        conn,
                        actor,
                        "CREATE_USER",
                        "staff_user",
                        username,
                        new JsonObject()
                                .put("role", role.name())
                                .put("departmentId", departmentId)
                                .put("canUnmask", canUnmask))));
    }

    /**
     * Changes an account; null leaves a value as it is (department is always set, the extension when {@code
     * extensionGiven}). Succeeds with false if unknown; fails with MariaDB error 1062 if the extension is taken.
     */
    public Future<Boolean> update(
            String username,
            String displayName,
            Role role,
            Long departmentId,
            Boolean canUnmask,
            Boolean active,
            String passwordHash,
            boolean extensionGiven,
            String extension,
            String actor) {
        return pool.withTransaction(conn -> conn.preparedQuery(AccountSql.UPDATE_USER)
                .execute(Tuple.from(new Object[] {
                    displayName,
                    role == null ? null : role.name(),
                    departmentId,
                    canUnmask,
                    active,
                    passwordHash,
                    now(),
                    username
                }))
                .compose(rows -> rows.rowCount() == 0 || !extensionGiven
                        ? Future.succeededFuture(rows)
                        : conn.preparedQuery(AccountSql.SET_EXTENSION)
                                .execute(Tuple.of(extension, username))
                                .map(rows))
                .compose(rows -> rows.rowCount() == 0
                        ? Future.succeededFuture(false)
                        : audit(
                                        conn,
                                        actor,
                                        "UPDATE_USER",
                                        "staff_user",
                                        username,
                                        new JsonObject()
                                                .put("displayName", displayName)
                                                .put("role", role == null ? null : role.name())
                                                .put("departmentId", departmentId)
                                                .put("canUnmask", canUnmask)
                                                .put("active", active)
                                                .put("extension", extensionGiven ? extension : null)
                                                .put("passwordChanged", passwordHash != null))
                                .map(true)));
    }

    /** Every account, without password hashes. */
    public Future<List<JsonObject>> list() {
        return pool.query(AccountSql.LIST_USERS).execute().map(rows -> {
            List<JsonObject> users = new ArrayList<>();
            for (Row row : rows) {
                users.add(user(row)
                        .toJson()
                        .put("active", row.getBoolean("active"))
                        .put("extension", row.getString("extension")));
            }
            return users;
        });
    }

    /** Writes one audit record outside any other transaction, e.g. for a login. */
    public Future<Void> audit(String actor, String action, String targetType, String targetId, JsonObject detail) {
        return audit(pool, actor, action, targetType, targetId, detail);
    }

    private Future<Void> audit(
            SqlClient client, String actor, String action, String targetType, String targetId, JsonObject detail) {
        return AuditLog.record(client, actor, action, targetType, targetId, detail, now());
    }

    private static StaffUser user(Row row) {
        return new StaffUser(
                row.getLong("id"),
                row.getString("username"),
                row.getString("display_name"),
                Role.valueOf(row.getString("role")),
                row.getLong("department_id"),
                row.getBoolean("can_unmask"));
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
