package cn.hotline12345.hub.account;

import cn.hotline12345.hub.http.ApiException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;

/** Route handlers that require a signed-in staff member (Authorization: Bearer token) with one of some roles. */
public final class Authentication {

    private static final String USER = "staff.user";

    private final Sessions sessions;

    public Authentication(Sessions sessions) {
        this.sessions = sessions;
    }

    /** A handler that lets through only staff with one of {@code roles} (any role when empty). */
    public Handler<RoutingContext> require(Role... roles) {
        Set<Role> allowed = Set.of(roles);
        return ctx -> {
            String token = bearer(ctx);
            if (token == null) {
                ctx.fail(unauthorized());
                return;
            }
            sessions.find(token)
                    .onSuccess(found -> found.ifPresentOrElse(
                            user -> {
                                if (!allowed.isEmpty() && !allowed.contains(user.role())) {
                                    ctx.fail(new ApiException(
                                            403,
                                            "forbidden",
                                            "当前账号（" + user.role().displayName() + "）无权执行该操作",
                                            List.of()));
                                    return;
                                }
                                ctx.put(USER, user);
                                ctx.next();
                            },
                            () -> ctx.fail(unauthorized())))
                    .onFailure(ctx::fail);
        };
    }

    /** The signed-in user of a request that passed {@link #require}. */
    public static StaffUser user(RoutingContext ctx) {
        return ctx.get(USER);
    }

    /** The bearer token of a request, or null. */
    public static String bearer(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        return token.isEmpty() || token.length() > 200 ? null : token;
    }

    private static ApiException unauthorized() {
        return new ApiException(401, "unauthorized", "请先登录，或登录已过期", List.of());
    }
}
