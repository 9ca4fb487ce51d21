package cn.hotline12345.hub.stats;

import cn.hotline12345.hub.account.Authentication;
import cn.hotline12345.hub.account.Role;
import cn.hotline12345.hub.account.StaffUser;
import cn.hotline12345.hub.http.ApiException;
import cn.hotline12345.hub.http.QueryParams;
import cn.hotline12345.hub.http.Responses;
import cn.hotline12345.hub.sla.WorkingCalendar;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * {@code GET /api/v1/stats/kpi?from=&to=&department=}: the 三率 and the other key figures for a period of days
 * (Asia/Shanghai, both ends included; default this month so far). Department admins see their own department only.
 */
public final class KpiRoutes {

    private final KpiRepository kpis;
    private final Authentication authentication;
    private final Clock clock;

    public KpiRoutes(KpiRepository kpis, Authentication authentication, Clock clock) {
        this.kpis = kpis;
        this.authentication = authentication;
        this.clock = clock;
    }

    /** Adds the route to the {@code /api/v1} router. */
    public void mount(Router api) {
        api.get("/stats/kpi")
                .handler(authentication.require(Role.SUPERVISOR, Role.ADMIN, Role.DISPATCHER, Role.DEPARTMENT_ADMIN))
                .handler(this::kpi);
    }

    private void kpi(RoutingContext ctx) {
        LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.ZONE));
        LocalDate from = date(ctx, "from", today.withDayOfMonth(1));
        LocalDate to = date(ctx, "to", today);
        if (to.isBefore(from)) {
            throw ApiException.invalid("to", "结束日期（to）不能早于开始日期（from）");
        }
        if (from.plusYears(5).isBefore(to)) {
            throw ApiException.invalid("from", "统计区间不能超过5年");
        }
        StaffUser user = Authentication.user(ctx);
        long requested = QueryParams.longParam(ctx, "department", 0, Long.MAX_VALUE, 0);
        Long department = user.role().inDepartment() ? user.departmentId() : requested == 0 ? null : requested;
        LocalDateTime start = utc(from);
        LocalDateTime end = utc(to.plusDays(1));
        kpis.compute(start, end, department)
                .onSuccess(figures -> Responses.json(
                        ctx,
                        200,
                        figures.put("from", from.toString())
                                .put("to", to.toString())
                                .put("department", department)))
                .onFailure(ctx::fail);
    }

    private static LocalDateTime utc(LocalDate day) {
        return LocalDateTime.ofInstant(day.atStartOfDay(WorkingCalendar.ZONE).toInstant(), ZoneOffset.UTC);
    }

    private static LocalDate date(RoutingContext ctx, String name, LocalDate fallback) {
        String text = QueryParams.text(ctx, name, 10);
        if (text == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(name, name + " 须为日期，如 2026-11-01");
        }
    }
}
