package cn.hotline12345.hub.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The consoles and the citizen pages: plain HTML, CSS and JavaScript modules from the classpath ({@code web/}), all
 * served by the hub so they work on closed government networks. Every page gets a Content-Security-Policy that allows
 * only the hub's own scripts, styles and sockets, so injected markup could not run even if it got in.
 */
public final class WebRoutes {

    private static final String POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                    + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Adds the pages to the root router, after the API. */
    public void mount(Router root) {
        root.route("/*")
                .method(HttpMethod.GET)
                .method(HttpMethod.HEAD)
                .handler(WebRoutes::secure)
                .handler(StaticHandler.create("web")
                        .setIndexPage("index.html")
                        .setDefaultContentEncoding("UTF-8")
                        .setMaxAgeSeconds(300)
                        .setIncludeHidden(false)
                        .setDirectoryListing(false));
    }

    private static void secure(RoutingContext ctx) {
        String path = ctx.request().path();
        if (!path.startsWith("/api/") && !path.startsWith("/health/")) {
            ctx.response()
                    .putHeader("Content-Security-Policy", POLICY)
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Referrer-Policy", "same-origin")
                    .putHeader("X-Frame-Options", "DENY");
        }
        ctx.next();
    }
}
