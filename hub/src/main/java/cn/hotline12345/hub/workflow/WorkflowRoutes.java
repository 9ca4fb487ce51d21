package cn.hotline12345.hub.workflow;

import static cn.hotline12345.hub.http.QueryParams.longParam;

import cn.hotline12345.channels.PhoneNumbers;
import cn.hotline12345.hub.account.Authentication;
import cn.hotline12345.hub.account.Role;
import cn.hotline12345.hub.http.ApiException;
import cn.hotline12345.hub.http.JsonInput;
import cn.hotline12345.hub.http.QueryParams;
import cn.hotline12345.hub.http.Responses;
import cn.hotline12345.hub.ticket.TicketStatus;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The workflow over HTTP: {@code POST /api/v1/tickets/{ticketNo}/actions/{action}} for every transition, the ticket
 * list and a ticket's detail (masked toward departments, with an audited unmask), the dispatchers' and supervisors'
 * queues (待派单, 退单审核, 预警, 超期), and the citizen's own rating.
 */
public final class WorkflowRoutes {

    private static final Role[] CENTRE = {Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN};
    private static final Role[] TICKET_STAFF = {
        Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN, Role.DEPARTMENT_STAFF, Role.DEPARTMENT_ADMIN
    };

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
        api.get("/tickets").handler(authentication.require(TICKET_STAFF)).handler(this::search);
        api.post("/tickets/:ticketNo/unmask")
                .consumes("application/json")
                .handler(authentication.require(TICKET_STAFF))
                .handler(this::unmask);
        api.post("/requests/:ticketNo/rating").consumes("application/json").handler(this::rate);
        api.get("/tickets/:ticketNo")
                .handler(authentication.require(TICKET_STAFF))
                .handler(ctx -> queries.detail(ctx.pathParam("ticketNo"), Authentication.user(ctx))
                        .onSuccess(detail -> Responses.json(ctx, 200, detail))
                        .onFailure(ctx::fail));
        api.post("/tickets/:ticketNo/actions/:action")
                .handler(authentication.require(TICKET_STAFF))
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

    private void search(RoutingContext ctx) {
        List<TicketStatus> statuses = new ArrayList<>();
        String statusParam = QueryParams.text(ctx, "status", 300);
        if (statusParam != null) {
            for (String name : statusParam.split(",")) {
                statuses.add(Arrays.stream(TicketStatus.values())
                        .filter(s -> s.name().equals(name.strip()))
                        .findFirst()
                        .orElseThrow(() -> ApiException.invalid("status", "未知工单状态：" + name.strip())));
            }
        }
        String overdue = QueryParams.text(ctx, "overdue", 5);
        if (overdue != null && !overdue.equals("true") && !overdue.equals("false")) {
            throw ApiException.invalid("overdue", "overdue 须为 true 或 false");
        }
        long department = longParam(ctx, "department", 0, Long.MAX_VALUE, 0);
        TicketFilter filter = new TicketFilter(
                statuses,
                department == 0 ? null : department,
                QueryParams.text(ctx, "category", 64),
                QueryParams.text(ctx, "type", 16),
                QueryParams.text(ctx, "channel", 16),
                overdue == null ? null : Boolean.valueOf(overdue),
                QueryParams.utcTime(ctx, "dueBefore"),
                QueryParams.utcTime(ctx, "createdFrom"),
                QueryParams.utcTime(ctx, "createdTo"),
                QueryParams.text(ctx, "q", 100),
                longParam(ctx, "before", 0, Long.MAX_VALUE, 0),
                limit(ctx));
        queries.search(filter, Authentication.user(ctx))
                .onSuccess(page -> Responses.json(ctx, 200, page))
                .onFailure(ctx::fail);
    }

    private void unmask(RoutingContext ctx) {
        JsonInput in = JsonInput.of(ctx);
        String reason = in.requiredText("reason", "查看原因", 500);
        in.throwIfInvalid();
        queries.unmask(ctx.pathParam("ticketNo"), Authentication.user(ctx), reason)
                .onSuccess(citizen -> Responses.json(ctx, 200, citizen))
                .onFailure(ctx::fail);
    }

    private void rate(RoutingContext ctx) {
        JsonObject body = body(ctx);
        String phone = body.getValue("phone") instanceof String text
                ? PhoneNumbers.normalise(text).orElse(null)
                : null;
        if (phone == null) {
            throw ApiException.invalid("phone", "请填写办理时留下的联系电话（phone）");
        }
        workflow.rateAsCitizen(ctx.pathParam("ticketNo"), phone, body)
                .onSuccess(result -> Responses.json(
                        ctx,
                        200,
                        new JsonObject()
                                .put("ticketNo", result.getString("ticketNo"))
                                .put("status", result.getString("status"))
                                .put("statusName", result.getString("statusName"))))
                .onFailure(ctx::fail);
    }

    private static JsonObject body(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            return new JsonObject();
        }
        try {
            Object value = Json.decodeValue(body);
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
