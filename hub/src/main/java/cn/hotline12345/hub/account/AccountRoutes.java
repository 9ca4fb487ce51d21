package cn.hotline12345.hub.account;

import static cn.hotline12345.hub.http.Responses.json;

import cn.hotline12345.hub.http.ApiException;
import cn.hotline12345.hub.http.FieldError;
import cn.hotline12345.hub.http.JsonInput;
import cn.hotline12345.hub.ticket.TicketRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@code POST /api/v1/auth/login}, {@code /auth/logout}, {@code GET /auth/me}, and the admins' user management under
 * {@code /api/v1/admin/users}.
 */
public final class AccountRoutes {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,64}");
    private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    private final AccountRepository accounts;
    private final Passwords passwords;
    private final Sessions sessions;
    private final Authentication authentication;
    private final Predicate<Long> departmentExists;

    public AccountRoutes(
            AccountRepository accounts,
            Passwords passwords,
            Sessions sessions,
            Authentication authentication,
            Predicate<Long> departmentExists) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
        this.authentication = authentication;
        this.departmentExists = departmentExists;
    }

    /** Adds the routes to the {@code /api/v1} router, which already parses bodies. */
    public void mount(Router api) {
        api.post("/auth/login").consumes("application/json").handler(this::login);
        api.post("/auth/logout").handler(authentication.require()).handler(this::logout);
        api.get("/auth/me").handler(authentication.require()).handler(this::me);
        api.get("/admin/users").handler(authentication.require(Role.ADMIN)).handler(this::list);
        api.post("/admin/users")
                .consumes("application/json")
                .handler(authentication.require(Role.ADMIN))
                .handler(this::create);
        api.patch("/admin/users/:username")
                .consumes("application/json")
                .handler(authentication.require(Role.ADMIN))
                .handler(this::update);
    }

    private void login(RoutingContext ctx) {
        JsonInput body = JsonInput.of(ctx);
        String username = body.requiredText("username", "用户名", 64);
        String password = body.requiredText("password", "密码", 200);
        body.throwIfInvalid();
        sessions.locked(username)
                .compose(locked -> locked
                        ? Future.failedFuture(
                                new ApiException(423, "locked", "登录失败次数过多，账号已锁定15分钟，请稍后再试或联系管理员", List.of()))
                        : accounts.find(username))
                .compose(found -> passwords
                        .verify(
                                password,
                                found.filter(AccountRepository.Account::active)
                                        .map(AccountRepository.Account::passwordHash)
                                        .orElse(null))
                        .compose(ok -> {
                            if (!ok) {
                                return sessions.failed(username)
                                        .compose(counted -> Future.failedFuture(new ApiException(
                                                401,
                                                "unauthorized",
                                                "用户名或密码错误",
                                                List.of(new FieldError("password", "用户名或密码错误")))));
                            }
                            StaffUser user = found.get().user();
                            return sessions.clearFailures(username)
                                    .compose(cleared -> sessions.open(user))
                                    .compose(token -> accounts.audit(
                                                    user.actor(), "LOGIN", "staff_user", username, new JsonObject())
                                            .map(token))
                                    .map(token -> new JsonObject()
                                            .put("token", token)
                                            .put(
                                                    "expiresIn",
                                                    sessions.lifetime().toSeconds())
                                            .put("user", user.toJson()));
                        }))
                .onSuccess(answer -> json(ctx, 200, answer))
                .onFailure(ctx::fail);
    }

    private void logout(RoutingContext ctx) {
        sessions.close(Authentication.bearer(ctx))
                .onSuccess(done -> ctx.response().setStatusCode(204).end())
                .onFailure(ctx::fail);
    }

    private void me(RoutingContext ctx) {
        json(ctx, 200, Authentication.user(ctx).toJson());
    }

    private void list(RoutingContext ctx) {
        accounts.list()
                .onSuccess(users -> json(ctx, 200, new JsonObject().put("users", new JsonArray(users))))
                .onFailure(ctx::fail);
    }

    private void create(RoutingContext ctx) {
        JsonInput body = JsonInput.of(ctx);
        String username = body.requiredText("username", "用户名", 64);
        String displayName = body.requiredText("displayName", "姓名", 64);
        String password = body.requiredText("password", "密码", 72);
        String roleName = body.requiredText("role", "角色", 24);
        Long departmentId = body.positiveId("departmentId", "承办单位编号");
        boolean canUnmask = body.bool("canUnmask", "可查看完整诉求人信息", false);
        if (departmentId != null && !departmentExists.test(departmentId)) {
            body.reject("departmentId", "承办单位 " + departmentId + " 不存在");
        }
        if (username != null && !USERNAME.matcher(username).matches()) {
            body.reject("username", "用户名须为3到64位字母、数字、下划线、点或短横线");
        }
        if (password != null && !Passwords.acceptable(password)) {
            body.reject("password", "密码至少8位，且须同时包含字母和数字");
        }
        Role role = roleName == null ? null : Role.of(roleName).orElse(null);
        if (roleName != null && role == null) {
            body.reject("role", "未知角色：" + roleName);
        }
        if (role != null && role.inDepartment() && departmentId == null) {
            body.reject("departmentId", role.displayName() + "必须属于一个承办单位（departmentId）");
        }
        body.throwIfInvalid();
        String actor = Authentication.user(ctx).actor();
        passwords
                .hash(password)
                .compose(hash -> accounts.create(username, displayName, hash, role, departmentId, canUnmask, actor))
                .recover(failure -> TicketRepository.isDuplicate(failure)
                        ? Future.failedFuture(ApiException.conflict("用户名已存在：" + username))
                        : Future.failedFuture(failure))
                .compose(created -> accounts.find(username))
                .onSuccess(found ->
                        json(ctx, 201, found.orElseThrow().user().toJson().put("active", true)))
                .onFailure(ctx::fail);
    }

    private void update(RoutingContext ctx) {
        String username = ctx.pathParam("username");
        JsonInput body = JsonInput.of(ctx);
        String displayName = body.text("displayName", "姓名", 64);
        String roleName = body.text("role", "角色", 24);
        String password = body.text("password", "密码", 72);
        Long departmentId = body.positiveId("departmentId", "承办单位编号");
        Boolean active = body.has("active") ? body.bool("active", "是否启用", true) : null;
        Boolean canUnmask = body.has("canUnmask") ? body.bool("canUnmask", "可查看完整诉求人信息", false) : null;
        boolean extensionGiven = body.json().containsKey("extension");
        String extension = body.text("extension", "坐席分机号", 32);
        if (extension != null && !EXTENSION.matcher(extension).matches()) {
            body.reject("extension", "坐席分机号须为1到32位字母、数字、下划线、点或短横线");
        }
        if (departmentId != null && !departmentExists.test(departmentId)) {
            body.reject("departmentId", "承办单位 " + departmentId + " 不存在");
        }
        boolean departmentGiven = body.has("departmentId");
        Role role = roleName == null ? null : Role.of(roleName).orElse(null);
        if (roleName != null && role == null) {
            body.reject("role", "未知角色：" + roleName);
        }
        if (password != null && !Passwords.acceptable(password)) {
            body.reject("password", "密码至少8位，且须同时包含字母和数字");
        }
        body.throwIfInvalid();
        String actor = Authentication.user(ctx).actor();
        Future<String> hash = password == null ? Future.succeededFuture(null) : passwords.hash(password);
        hash.compose(newHash -> accounts.find(username).compose(found -> {
                    if (found.isEmpty()) {
                        return Future.failedFuture(ApiException.notFound("用户不存在：" + username));
                    }
                    Long department =
                            departmentGiven ? departmentId : found.get().user().departmentId();
                    Role effective = role == null ? found.get().user().role() : role;
                    if (effective.inDepartment() && department == null) {
                        return Future.failedFuture(ApiException.invalid(
                                "departmentId", effective.displayName() + "必须属于一个承办单位（departmentId）"));
                    }
                    return accounts.update(
                                    username,
                                    displayName,
                                    role,
                                    department,
                                    canUnmask,
                                    active,
                                    newHash,
                                    extensionGiven,
                                    extension,
                                    actor)
                            .recover(failure -> TicketRepository.isDuplicate(failure)
                                    ? Future.failedFuture(ApiException.conflict("坐席分机号 " + extension + " 已分配给其他账号"))
                                    : Future.failedFuture(failure));
                }))
                .compose(updated -> Boolean.FALSE.equals(active)
                                || password != null
                                || role != null
                                || canUnmask != null
                                || departmentGiven
                        ? sessions.closeAll(username).compose(closed -> sessions.clearFailures(username))
                        : sessions.clearFailures(username))
                .compose(done -> accounts.find(username))
                .onSuccess(found -> json(
                        ctx,
                        200,
                        found.orElseThrow()
                                .user()
                                .toJson()
                                .put("active", found.get().active())
                                .put("extension", found.get().extension())))
                .onFailure(ctx::fail);
    }
}
