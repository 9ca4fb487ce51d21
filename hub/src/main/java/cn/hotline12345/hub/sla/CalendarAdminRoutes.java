package cn.hotline12345.hub.sla;

import cn.hotline12345.hub.account.Authentication;
import cn.hotline12345.hub.account.Role;
import cn.hotline12345.hub.http.ApiException;
import cn.hotline12345.hub.http.JsonInput;
import cn.hotline12345.hub.http.Responses;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Admins' view and edits of the legal calendar: the years in force with their holidays and 调休 workdays, warnings for
 * missing years, and replacing one year; every hub reloads within 30 seconds, this one at once.
 */
public final class CalendarAdminRoutes {

    private final CalendarHolder holder;
    private final CalendarRepository repository;
    private final Authentication authentication;

    public CalendarAdminRoutes(CalendarHolder holder, CalendarRepository repository, Authentication authentication) {
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
    }

    private void years(RoutingContext ctx) {
        repository
                .years()
                .onSuccess(imported -> {
                    Map<Integer, JsonObject> byYear = new TreeMap<>();
                    WorkingCalendar.shippedYears()
                            .forEach(doc -> byYear.put(
                                    doc.getInteger("year"), doc.copy().put("source", "shipped")));
                    imported.forEach(
                            doc -> byYear.put(doc.getInteger("year"), doc.copy().put("source", "imported")));
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
                                    .put("years", new JsonArray(java.util.List.copyOf(byYear.values())))
                                    .put("workingHours", hours)
                                    .put(
                                            "warnings",
                                            new JsonArray(holder.warnings(LocalDate.now(WorkingCalendar.ZONE)))));
                })
                .onFailure(ctx::fail);
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
