package cn.hotline12345.hub.attachment;

import cn.hotline12345.hub.account.Authentication;
import cn.hotline12345.hub.account.Role;
import cn.hotline12345.hub.http.ApiException;
import cn.hotline12345.hub.http.Responses;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A ticket's attachments for the centre's staff: the list, and each file's content as a download. */
public final class AttachmentRoutes {

    private static final Role[] CENTRE = {Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN};

    private final Attachments attachments;
    private final Authentication authentication;

    public AttachmentRoutes(Attachments attachments, Authentication authentication) {
        this.attachments = attachments;
        this.authentication = authentication;
    }

    /** Adds the endpoints to the {@code /api/v1} router. */
    public void mount(Router api) {
        api.get("/tickets/:ticketNo/attachments")
                .handler(authentication.require(CENTRE))
                .handler(this::list);
        api.get("/tickets/:ticketNo/attachments/:id")
                .handler(authentication.require(CENTRE))
                .handler(this::download);
    }

    private void list(RoutingContext ctx) {
        String ticketNo = ctx.pathParam("ticketNo");
        attachments
                .ofTicket(ticketNo)
                .compose(found -> found.map(Future::succeededFuture)
                        .orElseGet(() -> Future.failedFuture(ApiException.notFound("工单 " + ticketNo + " 不存在"))))
                .onSuccess(items -> Responses.json(ctx, 200, new JsonObject().put("items", items)))
                .onFailure(ctx::fail);
    }

    private void download(RoutingContext ctx) {
        String ticketNo = ctx.pathParam("ticketNo");
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            ctx.fail(ApiException.notFound("附件不存在"));
            return;
        }
        attachments
                .read(ticketNo, id)
                .onSuccess(found -> found.ifPresentOrElse(
                        row -> ctx.response()
                                .putHeader(HttpHeaders.CONTENT_TYPE, row.getString("content_type"))
                                .putHeader("X-Content-Type-Options", "nosniff")
                                .putHeader(
                                        "Content-Disposition",
                                        "attachment; filename*=UTF-8''"
                                                + URLEncoder.encode(row.getString("file_name"), StandardCharsets.UTF_8)
                                                        .replace("+", "%20"))
                                .end(row.getBuffer("content")),
                        () -> ctx.fail(ApiException.notFound("附件不存在"))))
                .onFailure(ctx::fail);
    }
}
