package cn.hotline12345.hub.routing;

import static cn.hotline12345.hub.http.QueryParams.longParam;

import cn.hotline12345.hub.account.Authentication;
import cn.hotline12345.hub.account.Role;
import cn.hotline12345.hub.classify.TaxonomyRepository;
import cn.hotline12345.hub.directory.Area;
import cn.hotline12345.hub.directory.Directory;
import cn.hotline12345.hub.directory.Gazetteer;
import cn.hotline12345.hub.http.ApiException;
import cn.hotline12345.hub.http.QueryParams;
import cn.hotline12345.hub.http.Responses;
import cn.hotline12345.hub.http.Times;
import cn.hotline12345.hub.sla.WorkingCalendar;
import cn.hotline12345.hub.spreadsheet.Sheet;
import cn.hotline12345.hub.spreadsheet.SheetDownloads;
import cn.hotline12345.hub.spreadsheet.Spreadsheets;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Routing by the responsibility list: the explanation of a decision ({@code GET /api/v1/routing/explain}), and the
 * admins' versions of the list — import from .xlsx or CSV with a validation report, export, publish, what-if.
 */
public final class RoutingRoutes {

    private static final Role[] READERS = {Role.ADMIN, Role.DISPATCHER, Role.SUPERVISOR};

    private final Vertx vertx;
    private final Supplier<DispatchRules> rules;
    private final ResponsibilityListRepository lists;
    private final TaxonomyRepository taxonomies;
    private final Authentication authentication;
    private final Clock clock;

    public RoutingRoutes(
            Vertx vertx,
            Supplier<DispatchRules> rules,
            ResponsibilityListRepository lists,
            TaxonomyRepository taxonomies,
            Authentication authentication,
            Clock clock) {
        this.vertx = vertx;
        this.rules = rules;
        this.lists = lists;
        this.taxonomies = taxonomies;
        this.authentication = authentication;
        this.clock = clock;
    }

    /** Adds the routes to the {@code /api/v1} router, which already reads bodies. */
    public void mount(Router api) {
        api.get("/routing/explain").handler(this::explain);
        api.get("/admin/responsibility-lists")
                .handler(authentication.require(READERS))
                .handler(this::versions);
        api.post("/admin/responsibility-lists")
                .handler(authentication.require(Role.ADMIN))
                .handler(this::importList);
        api.get("/admin/responsibility-lists/:version")
                .handler(authentication.require(READERS))
                .handler(this::show);
        api.get("/admin/responsibility-lists/:version/export")
                .handler(authentication.require(READERS))
                .handler(this::export);
        api.post("/admin/responsibility-lists/:version/publish")
                .handler(authentication.require(Role.ADMIN))
                .handler(this::publish);
        api.get("/admin/responsibility-lists/:version/what-if")
                .handler(authentication.require(READERS))
                .handler(this::whatIf);
    }

    private void explain(RoutingContext ctx) {
        String category = QueryParams.text(ctx, "category", 64);
        if (category == null) {
            throw ApiException.invalid("category", "缺少参数：一级分类（category）");
        }
        DispatchRules snapshot = rules.get();
        Directory directory = snapshot.directory();
        String areaText = QueryParams.text(ctx, "area", 200);
        String text = Optional.ofNullable(QueryParams.text(ctx, "text", 4000)).orElse("");
        Optional<Gazetteer.Match> area = areaText == null
                ? directory.resolveAddress(text)
                : directory
                        .areaNamed(areaText)
                        .map(a -> new Gazetteer.Match(a, areaText))
                        .or(() -> directory.resolveAddress(areaText));
        if (areaText != null && area.isEmpty()) {
            throw ApiException.invalid("area", "无法识别区域“" + areaText + "”，请填写区划名称、代码或详细地址");
        }
        RoutingQuery query = new RoutingQuery(
                category,
                QueryParams.text(ctx, "subcategory", 64),
                QueryParams.text(ctx, "type", 16),
                area.map(m -> m.area().code()).orElse(null),
                text);
        ResponsibilityRouter.Decision decision = ResponsibilityRouter.route(
                snapshot.list(), query, directory, LocalDate.now(clock.withZone(WorkingCalendar.ZONE)));
        JsonObject body = decision.toJson(directory)
                .put(
                        "query",
                        new JsonObject()
                                .put("category", query.category())
                                .put("subcategory", query.subcategory())
                                .put("type", query.requestType())
                                .put("text", text))
                .put(
                        "area",
                        area.map(m -> m.area().reference().put("matched", m.matched()))
                                .orElse(null))
                .put(
                        "areaChain",
                        new JsonArray(directory.chain(query.areaCode()).stream()
                                .map(Area::name)
                                .toList()));
        Responses.json(ctx, 200, body);
    }

    private void versions(RoutingContext ctx) {
        lists.versions()
                .onSuccess(versions -> Responses.json(ctx, 200, new JsonObject().put("items", versions)))
                .onFailure(ctx::fail);
    }

    private void importList(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw ApiException.invalid("body", "请上传责任清单文件（.xlsx 或 CSV）作为请求体");
        }
        String name = Optional.ofNullable(QueryParams.text(ctx, "name", 100)).orElse("导入的责任清单");
        boolean publish = "true".equalsIgnoreCase(ctx.request().getParam("publish"));
        byte[] bytes = body.getBytes();
        String actor = Authentication.user(ctx).actor();
        DispatchRules snapshot = rules.get();
        taxonomies
                .active()
                .compose(taxonomy -> vertx.executeBlocking(() -> {
                    Sheet sheet;
                    try {
                        sheet = Spreadsheets.read(bytes);
                    } catch (IllegalArgumentException e) {
                        throw ApiException.invalid("body", e.getMessage());
                    }
                    return ResponsibilityListFile.read(sheet, snapshot.directory(), taxonomy);
                }))
                .compose(parsed -> {
                    if (!parsed.valid()) {
                        return Future.failedFuture(new ApiException(
                                        422,
                                        "invalid-responsibility-list",
                                        "责任清单有"
                                                + parsed.report()
                                                        .getJsonArray("errors")
                                                        .size() + "处错误，未导入；请按校验报告修改后重新上传",
                                        List.of())
                                .with("report", parsed.report()));
                    }
                    String source = (Spreadsheets.isXlsx(bytes) ? "xlsx" : "csv") + ", " + bytes.length + " bytes";
                    return lists.createDraft(name, source, parsed.rows(), parsed.report(), actor)
                            .compose(version -> (publish
                                            ? lists.publish(version, actor)
                                            : Future.<Void>succeededFuture())
                                    .map(done -> new JsonObject()
                                            .put("version", version)
                                            .put("status", publish ? "PUBLISHED" : "DRAFT")
                                            .put("report", parsed.report())));
                })
                .onSuccess(result -> Responses.json(ctx, 201, result))
                .onFailure(ctx::fail);
    }

    private void show(RoutingContext ctx) {
        int version = version(ctx);
        Directory directory = rules.get().directory();
        lists.find(version)
                .onSuccess(found -> {
                    ResponsibilityList list =
                            found.orElseThrow(() -> ApiException.notFound("责任清单版本 " + version + " 不存在"));
                    JsonArray rows = new JsonArray();
                    list.rows().forEach(row -> rows.add(row.toJson(directory)));
                    Responses.json(
                            ctx,
                            200,
                            new JsonObject()
                                    .put("version", list.version())
                                    .put("name", list.name())
                                    .put("status", list.status().name())
                                    .put("statusName", list.status().displayName())
                                    .put("createdBy", list.createdBy())
                                    .put("createdAt", Times.iso(list.createdAt()))
                                    .put("publishedAt", Times.iso(list.publishedAt()))
                                    .put("report", list.report())
                                    .put("rows", rows));
                })
                .onFailure(ctx::fail);
    }

    private void export(RoutingContext ctx) {
        int version = version(ctx);
        Directory directory = rules.get().directory();
        lists.find(version)
                .compose(found -> {
                    ResponsibilityList list =
                            found.orElseThrow(() -> ApiException.notFound("责任清单版本 " + version + " 不存在"));
                    return SheetDownloads.send(
                            vertx,
                            ctx,
                            ResponsibilityListFile.toSheet(list, directory),
                            "责任清单",
                            "责任清单-v" + version,
                            "responsibility-list-v" + version);
                })
                .onFailure(ctx::fail);
    }

    private void publish(RoutingContext ctx) {
        int version = version(ctx);
        lists.publish(version, Authentication.user(ctx).actor())
                .onSuccess(done -> Responses.json(
                        ctx, 200, new JsonObject().put("version", version).put("status", "PUBLISHED")))
                .onFailure(ctx::fail);
    }

    private void whatIf(RoutingContext ctx) {
        int version = version(ctx);
        int days = (int) longParam(ctx, "days", 1, 366, 30);
        int limit = (int) longParam(ctx, "limit", 1, 20_000, 5_000);
        DispatchRules snapshot = rules.get();
        lists.find(version)
                .compose(found -> {
                    ResponsibilityList candidate =
                            found.orElseThrow(() -> ApiException.notFound("责任清单版本 " + version + " 不存在"));
                    return lists.recentTickets(clock.instant().minus(Duration.ofDays(days)), limit)
                            .compose(tickets -> vertx.executeBlocking(() -> WhatIf.compare(
                                    snapshot.list(),
                                    candidate,
                                    tickets,
                                    snapshot.directory(),
                                    LocalDate.now(clock.withZone(WorkingCalendar.ZONE)))));
                })
                .onSuccess(report -> Responses.json(ctx, 200, report.put("days", days)))
                .onFailure(ctx::fail);
    }

    private static int version(RoutingContext ctx) {
        try {
            int version = Integer.parseInt(ctx.pathParam("version"));
            if (version > 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalid("version", "版本号须为正整数");
    }
}
