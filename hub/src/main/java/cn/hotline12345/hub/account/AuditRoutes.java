package cn.hotline12345.hub.account;

import static cn.hotline12345.hub.http.QueryParams.longParam;

import cn.hotline12345.hub.http.QueryParams;
import cn.hotline12345.hub.http.Responses;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;

/** {@code GET /api/v1/admin/audit}: admins query who saw or changed what, and when. */
public final class AuditRoutes {

    private final Pool pool;
    private final Authentication authentication;

    public AuditRoutes(Pool pool, Authentication authentication) {
        this.pool = pool;
        this.authentication = authentication;
    }

    /** Adds the route to the {@code /api/v1} router. */
    public void mount(Router api) {
        api.get("/admin/audit").handler(authentication.require(Role.ADMIN)).handler(this::search);
    }

    private void search(RoutingContext ctx) {
        AuditLog.Query query = new AuditLog.Query(
                QueryParams.text(ctx, "actor", 64),
                QueryParams.text(ctx, "action", 48),
                QueryParams.text(ctx, "targetType", 32),
                QueryParams.text(ctx, "targetId", 64),
                QueryParams.utcTime(ctx, "from"),
                QueryParams.utcTime(ctx, "to"),
                longParam(ctx, "before", 0, Long.MAX_VALUE, 0),
                (int) longParam(ctx, "limit", 1, 500, 100));
        AuditLog.search(pool, query)
                .onSuccess(page -> Responses.json(ctx, 200, page))
                .onFailure(ctx::fail);
    }
}
