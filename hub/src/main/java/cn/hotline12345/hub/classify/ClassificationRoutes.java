package cn.hotline12345.hub.classify;

import static cn.hotline12345.hub.http.QueryParams.longParam;
import static cn.hotline12345.hub.http.Responses.json;

import cn.hotline12345.hub.account.Authentication;
import cn.hotline12345.hub.account.Role;
import cn.hotline12345.hub.http.ApiException;
import cn.hotline12345.hub.http.JsonInput;
import cn.hotline12345.hub.ticket.TicketRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;

/**
 * The staff side of classification: the 待分类 (triage) queue and an agent's correction, and the admins' model
 * registry (retrain, activate, restore, reports) and taxonomy versions.
 */
public final class ClassificationRoutes {

    private static final Role[] CENTRE = {Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN};

    private final Vertx vertx;
    private final TicketRepository tickets;
    private final ModelRegistry registry;
    private final TaxonomyRepository taxonomies;
    private final Authentication authentication;
    private final Clock clock;

    public ClassificationRoutes(
            Vertx vertx,
            TicketRepository tickets,
            ModelRegistry registry,
            TaxonomyRepository taxonomies,
            Authentication authentication,
            Clock clock) {
        this.vertx = vertx;
        this.tickets = tickets;
        this.registry = registry;
        this.taxonomies = taxonomies;
        this.authentication = authentication;
        this.clock = clock;
    }

    /** Adds the routes to the {@code /api/v1} router, which already parses bodies. */
    public void mount(Router api) {
        api.get("/tickets/triage").handler(authentication.require(CENTRE)).handler(this::triage);
        api.post("/tickets/:ticketNo/actions/reclassify")
                .consumes("application/json")
                .handler(authentication.require(CENTRE))
                .handler(this::reclassify);
        api.get("/admin/classifier/models")
                .handler(authentication.require(Role.ADMIN))
                .handler(this::models);
        api.get("/admin/classifier/models/:version/report")
                .handler(authentication.require(Role.ADMIN))
                .handler(this::report);
        api.post("/admin/classifier/models/:version/activate")
                .handler(authentication.require(Role.ADMIN))
                .handler(this::activate);
        api.post("/admin/classifier/train")
                .consumes("application/json")
                .handler(authentication.require(Role.ADMIN))
                .handler(this::train);
        api.post("/admin/classifier/restore")
                .consumes("application/json")
                .handler(authentication.require(Role.ADMIN))
                .handler(this::restore);
        api.put("/admin/taxonomy")
                .consumes("application/json")
                .handler(authentication.require(Role.ADMIN))
                .handler(this::publishTaxonomy);
        api.get("/admin/taxonomy/history")
                .handler(authentication.require(Role.ADMIN))
                .handler(this::taxonomyHistory);
    }

    private void triage(RoutingContext ctx) {
        long after = longParam(ctx, "after", 0, Long.MAX_VALUE, 0);
        int limit = (int) longParam(ctx, "limit", 1, 200, 50);
        tickets.triageQueue(after, limit)
                .onSuccess(queue -> json(
                        ctx,
                        200,
                        new JsonObject()
                                .put("items", new JsonArray(queue))
                                .put(
                                        "next",
                                        queue.size() < limit
                                                ? null
                                                : queue.get(queue.size() - 1).getLong("id"))))
                .onFailure(ctx::fail);
    }

    private void reclassify(RoutingContext ctx) {
        JsonInput body = JsonInput.of(ctx);
        String type = body.requiredText("type", "诉求类型", 16);
        String category = body.requiredText("category", "分类", 64);
        String subcategory = body.text("subcategory", "二级分类", 64);
        body.throwIfInvalid();
        String ticketNo = ctx.pathParam("ticketNo");
        taxonomies
                .active()
                .compose(taxonomy -> {
                    if (!taxonomy.types().contains(type)) {
                        return Future.failedFuture(ApiException.invalid("type", "未知诉求类型：" + type));
                    }
                    if (!taxonomy.hasCategory(category)) {
                        return Future.failedFuture(ApiException.invalid("category", "未知分类：" + category));
                    }
                    if (subcategory != null
                            && taxonomy.categories().stream()
                                    .noneMatch(c -> c.name().equals(category)
                                            && c.children().contains(subcategory))) {
                        return Future.failedFuture(ApiException.invalid(
                                "subcategory", "一级分类“" + category + "”下没有二级分类“" + subcategory + "”"));
                    }
                    return tickets.reclassify(
                            ticketNo,
                            type,
                            category,
                            subcategory,
                            Authentication.user(ctx).actor(),
                            clock.instant());
                })
                .onSuccess(applied -> {
                    if (!applied) {
                        ctx.fail(ApiException.notFound("工单不存在：" + ticketNo));
                        return;
                    }
                    json(
                            ctx,
                            200,
                            new JsonObject()
                                    .put("ticketNo", ticketNo)
                                    .put("type", type)
                                    .put("category", category)
                                    .put("subcategory", subcategory));
                })
                .onFailure(ctx::fail);
    }

    private void models(RoutingContext ctx) {
        registry.list()
                .onSuccess(models -> json(ctx, 200, new JsonObject().put("models", new JsonArray(models))))
                .onFailure(ctx::fail);
    }

    private void report(RoutingContext ctx) {
        registry.evaluation(ctx.pathParam("version"))
                .recover(failure -> Future.failedFuture(
                        failure instanceof IllegalArgumentException ? ApiException.notFound("模型版本不存在") : failure))
                .onSuccess(report -> json(ctx, 200, report))
                .onFailure(ctx::fail);
    }

    private void activate(RoutingContext ctx) {
        String version = ctx.pathParam("version");
        registry.activate(version)
                .recover(failure -> Future.failedFuture(
                        failure instanceof IllegalArgumentException
                                ? ApiException.notFound("模型版本不存在：" + version)
                                : failure))
                .onSuccess(target ->
                        json(ctx, 200, new JsonObject().put("target", target).put("active", version)))
                .onFailure(ctx::fail);
    }

    private void train(RoutingContext ctx) {
        JsonInput body = JsonInput.of(ctx);
        ShippedModels.Target target = target(body);
        boolean activate = body.bool("activate", "是否启用", false);
        body.throwIfInvalid();
        Retraining.run(vertx, registry, target, ClassifierTrainer.Settings.DEFAULT, activate)
                .onSuccess(summary -> json(ctx, 201, summary))
                .onFailure(ctx::fail);
    }

    private void restore(RoutingContext ctx) {
        JsonInput body = JsonInput.of(ctx);
        ShippedModels.Target target = target(body);
        body.throwIfInvalid();
        registry.restorePrevious(target.field())
                .recover(failure -> Future.failedFuture(
                        failure instanceof IllegalArgumentException ? ApiException.conflict("没有可恢复的上一个模型") : failure))
                .onSuccess(version -> json(
                        ctx, 200, new JsonObject().put("target", target.field()).put("active", version)))
                .onFailure(ctx::fail);
    }

    private void publishTaxonomy(RoutingContext ctx) {
        JsonObject document;
        try {
            document = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            throw ApiException.invalid("body", "请求体不是合法的JSON对象");
        }
        if (document == null) {
            throw ApiException.invalid("body", "请求体不能为空");
        }
        Taxonomy taxonomy;
        try {
            taxonomy = Taxonomy.fromJson(document, 0);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("categories", "分类体系格式有误：" + e.getMessage());
        }
        String note = document.getValue("note") instanceof String text ? text : null;
        taxonomies
                .publish(taxonomy, Authentication.user(ctx).actor(), note)
                .onSuccess(version -> json(ctx, 201, new JsonObject().put("version", version)))
                .onFailure(ctx::fail);
    }

    private void taxonomyHistory(RoutingContext ctx) {
        taxonomies
                .history()
                .onSuccess(history -> json(ctx, 200, new JsonObject().put("versions", new JsonArray(history))))
                .onFailure(ctx::fail);
    }

    private static ShippedModels.Target target(JsonInput body) {
        String target = body.requiredText("target", "模型目标", 16);
        if ("type".equals(target)) {
            return ShippedModels.Target.TYPE;
        }
        if (target != null && !"category".equals(target)) {
            body.reject("target", "模型目标只能是category或type");
        }
        return ShippedModels.Target.CATEGORY;
    }
}
