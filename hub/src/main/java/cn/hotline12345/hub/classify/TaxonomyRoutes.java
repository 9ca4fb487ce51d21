package cn.hotline12345.hub.classify;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/v1/taxonomy}: the request types and category tree in force (public). */
public final class TaxonomyRoutes {

    private final TaxonomyRepository taxonomies;

    public TaxonomyRoutes(TaxonomyRepository taxonomies) {
        this.taxonomies = taxonomies;
    }

    /** Adds the routes to the {@code /api/v1} router. */
    public void mount(Router api) {
        api.get("/taxonomy").handler(this::active);
    }

    private void active(RoutingContext ctx) {
        taxonomies
                .active()
                .onSuccess(taxonomy -> ctx.response()
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                        .end(taxonomy.toJson().encode()))
                .onFailure(ctx::fail);
    }
}
