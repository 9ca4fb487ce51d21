package cn.hotline12345.hub.workflow;

import static cn.hotline12345.hub.http.QueryParams.longParam;

import cn.hotline12345.hub.account.Authentication;
import cn.hotline12345.hub.account.Role;
import cn.hotline12345.hub.http.ApiException;
import cn.hotline12345.hub.http.Responses;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The workflow over HTTP: {@code POST /api/v1/tickets/{ticketNo}/actions/{action}} for every transition, a ticket's
 * detail, and the dispatchers' and supervisors' queues (待派单, 退单审核, 预警, 超期).
 */
public final class WorkflowRoutes {

    private static final Role[] CENTRE = {Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN};

    private final TicketWorkflow workflow;
    private final WorkflowQueries queries;
    private final Authentication authentication;

    public WorkflowRoutes(TicketWorkflow workflow, WorkflowQueries queries, Authentication authentication) {
        this.workflow = workflow;
        this.queries = queries;
        this.authentication = authentication;
    }

    /** Adds the routes to the {@code /api/v1} router; mount after more specific {@code /tickets/...} routes. */
    public void mount(Router api) {
        api.get("/tickets/pending-dispatch")
                .handler(authentication.require(CENTRE))
                .handler(ctx -> queries.pendingDispatch(after(ctx), limit(ctx))
                        .onSuccess(page -> Responses.json(ctx, 200, page))
                        .onFailure(ctx::fail));
        api.get("/tickets/returns").handler(authentication.require(CENTRE)).handler(ctx -> queries.returns(
                        after(ctx), limit(ctx))
                .onSuccess(page -> Responses.json(ctx, 200, page))
                .onFailure(ctx::fail));
        api.get("/tickets/overdue").handler(authentication.require(CENTRE)).handler(ctx -> queries.late(
                        true, after(ctx), limit(ctx))
                .onSuccess(page -> Responses.json(ctx, 200, page))
                .onFailure(ctx::fail));
        api.get("/tickets/warned").handler(authentication.require(CENTRE)).handler(ctx -> queries.late(
                        false, after(ctx), limit(ctx))
                .onSuccess(page -> Responses.json(ctx, 200, page))
                .onFailure(ctx::fail));
        api.get("/tickets/:ticketNo").handler(authentication.require()).handler(ctx -> queries.detail(
                        ctx.pathParam("ticketNo"), Authentication.user(ctx))
                .onSuccess(detail -> Responses.json(ctx, 200, detail))
                .onFailure(ctx::fail));
        api.post("/tickets/:ticketNo/actions/:action")
                .handler(authentication.require())
                .handler(this::perform);
    }

    private void perform(RoutingContext ctx) {
        String name = ctx.pathParam("action");
        WorkflowAction action =
                WorkflowAction.ofPath(name).orElseThrow(() -> ApiException.notFound("不支持的工单操作：" + name));
        workflow.perform(ctx.pathParam("ticketNo"), action, Authentication.user(ctx), body(ctx))
                .onSuccess(result -> Responses.json(ctx, 200, result))
                .onFailure(ctx::fail);
    }

    private static JsonObject body(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            return new JsonObject();
        }
        try {
            Object value = io.vertx.core.json.Json.decodeValue(body);
            if (value instanceof JsonObject object) {
                return object;
            }
        } catch (DecodeException e) {
            throw ApiException.invalid("body", "请求体不是合法的JSON，请检查格式与编码（需UTF-8）");
        }
        throw ApiException.invalid("body", "请求体必须是JSON对象");
    }

    private static long after(RoutingContext ctx) {
        return longParam(ctx, "after", 0, Long.MAX_VALUE, 0);
    }

    private static int limit(RoutingContext ctx) {
        return (int) longParam(ctx, "limit", 1, 200, 50);
    }
}
