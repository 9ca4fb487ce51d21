package cn.hotline12345.hub.sla;

import cn.hotline12345.hub.account.Authentication;
import cn.hotline12345.hub.account.Role;
import cn.hotline12345.hub.http.ApiException;
import cn.hotline12345.hub.http.JsonInput;
import cn.hotline12345.hub.http.Responses;
import cn.hotline12345.hub.spreadsheet.SheetDownloads;
import cn.hotline12345.hub.spreadsheet.Spreadsheets;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Admins' view and edits of the legal calendar: the years in force with their holidays and 调休 workdays, warnings for
 * missing years, and replacing one year; every hub reloads within 30 seconds, this one at once.
 */
public final class CalendarAdminRoutes {

    private final Vertx vertx;
    private final CalendarHolder holder;
    private final CalendarRepository repository;
    private final Authentication authentication;

    public CalendarAdminRoutes(
            Vertx vertx, CalendarHolder holder, CalendarRepository repository, Authentication authentication) {
        this.vertx = vertx;
        this.holder = holder;
        this.repository = repository;
        this.authentication = authentication;
    }

    /** Adds the routes to the {@code /api/v1} router. */
    public void mount(Router api) {
        api.get("/admin/calendar")
                .handler(authentication.require(Role.ADMIN, Role.SUPERVISOR))
                .handler(this::years);
        api.put("/admin/calendar/:year")
                .consumes("application/json")
                .handler(authentication.require(Role.ADMIN))
                .handler(this::replace);
        api.post("/admin/calendar/:year/import")
                .handler(authentication.require(Role.ADMIN))
                .handler(this::importFile);
        api.get("/admin/calendar/:year/export")
                .handler(authentication.require(Role.ADMIN, Role.SUPERVISOR))
                .handler(this::export);
    }

    private void years(RoutingContext ctx) {
        inForce()
                .onSuccess(byYear -> {
                    JsonArray hours = new JsonArray();
                    holder.current()
                            .hours()
                            .forEach(p -> hours.add(new JsonObject()
                                    .put("from", p.from().toString())
                                    .put("to", p.to().toString())));
                    Responses.json(
                            ctx,
                            200,
                            new JsonObject()
                                    .put("years", new JsonArray(List.copyOf(byYear.values())))
                                    .put("workingHours", hours)
                                    .put(
                                            "warnings",
                                            new JsonArray(holder.warnings(LocalDate.now(WorkingCalendar.ZONE)))));
                })
                .onFailure(ctx::fail);
    }

    /** Every year in force: the shipped ones, replaced by imported ones. */
    private Future<Map<Integer, JsonObject>> inForce() {
        return repository.years().map(imported -> {
            Map<Integer, JsonObject> byYear = new TreeMap<>();
            WorkingCalendar.shippedYears()
                    .forEach(
                            doc -> byYear.put(doc.getInteger("year"), doc.copy().put("source", "shipped")));
            imported.forEach(
                    doc -> byYear.put(doc.getInteger("year"), doc.copy().put("source", "imported")));
            return byYear;
        });
    }

    private void importFile(RoutingContext ctx) {
        int year = year(ctx);
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw ApiException.invalid("body", "请上传 .xlsx 或 CSV 文件作为请求体");
        }
        byte[] bytes = body.getBytes();
        String actor = Authentication.user(ctx).actor();
        vertx.executeBlocking(() -> {
                    try {
                        return CalendarFile.read(Spreadsheets.read(bytes), year);
                    } catch (IllegalArgumentException e) {
                        throw ApiException.invalid("body", e.getMessage());
                    }
                })
                .compose(parsed -> parsed.valid()
                        ? repository
                                .importYear(parsed.document(), actor)
                                .compose(imported -> holder.refresh())
                                .map(refreshed -> new JsonObject()
                                        .put("year", year)
                                        .put("source", "imported")
                                        .put("report", parsed.report()))
                        : Future.failedFuture(new ApiException(
                                        422,
                                        "invalid-calendar",
                                        year + " 年节假日安排有"
                                                + parsed.report()
                                                        .getJsonArray("errors")
                                                        .size()
                                                + "处错误，未导入；请按校验报告修改后重新上传",
                                        List.of())
                                .with("report", parsed.report())))
                .onSuccess(result -> Responses.json(ctx, 200, result))
                .onFailure(ctx::fail);
    }

    private void export(RoutingContext ctx) {
        int year = year(ctx);
        inForce()
                .compose(byYear -> byYear.containsKey(year)
                        ? SheetDownloads.send(
                                vertx,
                                ctx,
                                CalendarFile.write(byYear.get(year)),
                                year + "年节假日安排",
                                year + "年节假日安排",
                                "calendar-" + year)
                        : Future.failedFuture(ApiException.notFound(year + " 年尚无节假日安排")))
                .onFailure(ctx::fail);
    }

    private static int year(RoutingContext ctx) {
        try {
            int year = Integer.parseInt(ctx.pathParam("year"));
            if (year >= 2000 && year <= 2100) {
                return year;
            }
        } catch (NumberFormatException ignored) {
        }
        throw ApiException.invalid("year", "年份须为2000到2100之间的整数");
    }

    private void replace(RoutingContext ctx) {
        JsonInput.of(ctx).throwIfInvalid();
        JsonObject document = ctx.body().asJsonObject();
        String year = ctx.pathParam("year");
        if (!year.equals(String.valueOf(document.getValue("year")))) {
            throw ApiException.invalid("year", "请求体中的年份（year）须与路径中的年份 " + year + " 一致");
        }
        try {
            YearDocuments.check(document);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("document", "节假日安排有误：" + e.getMessage());
        }
        repository
                .importYear(document, Authentication.user(ctx).actor())
                .compose(imported -> holder.refresh().map(imported))
                .onSuccess(imported -> Responses.json(
                        ctx, 200, new JsonObject().put("year", imported).put("source", "imported")))
                .onFailure(ctx::fail);
    }
}
