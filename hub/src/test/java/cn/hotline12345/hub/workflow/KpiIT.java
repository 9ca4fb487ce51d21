package cn.hotline12345.hub.workflow;

import static cn.hotline12345.hub.TestHub.adminToken;
import static cn.hotline12345.hub.TestHub.execute;
import static cn.hotline12345.hub.TestHub.getAs;
import static cn.hotline12345.hub.TestHub.json;
import static cn.hotline12345.hub.TestHub.sendAs;
import static cn.hotline12345.hub.workflow.Tickets.act;
import static cn.hotline12345.hub.workflow.Tickets.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The KPIs of one department, recomputed by hand from the tickets driven through it. */
class KpiIT {

    private static String to(long department) {
        String no = Tickets.dispatched("小区消防通道被私家车长期占用，消防车无法通行", "北山公园", "城乡建设").getString("ticketNo");
        ok(act(
                Staff.token("DISPATCHER"),
                no,
                "reassign",
                new JsonObject().put("leadDepartmentId", department).put("reason", "KPI测试")));
        return no;
    }

    private static void closeWith(String no, String staff, boolean resolved, String satisfaction) {
        ok(act(staff, no, "reply", new JsonObject().put("content", "已处理")));
        ok(act(Staff.token("SUPERVISOR"), no, "approve", new JsonObject()));
        ok(act(
                Staff.token("AGENT"),
                no,
                "follow-up",
                new JsonObject().put("resolved", resolved).put("satisfaction", satisfaction)));
    }

    private static void assertRate(JsonObject kpi, String name, long numerator, long denominator) {
        JsonObject rate = kpi.getJsonObject(name);
        assertThat(rate.getLong("numerator")).as(name + " numerator").isEqualTo(numerator);
        assertThat(rate.getLong("denominator")).as(name + " denominator").isEqualTo(denominator);
        assertThat(rate.getDouble("rate"))
                .as(name)
                .isEqualTo(Math.round(10_000.0 * numerator / denominator) / 10_000.0);
    }

    @Test
    void theFiguresOfADepartmentMatchAHandCount() {
        String code = "KPI-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = sendAs(
                adminToken(),
                "PUT",
                "/api/v1/admin/departments/" + code,
                new JsonObject().put("name", "青溪县KPI测试局" + code).put("kind", "FUNCTIONAL"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        long department = json(created).getLong("id");
        Tickets.sleep(300);
        String staff = Staff.token("DEPARTMENT_STAFF", department);

        String t1 = to(department);
        ok(act(staff, t1, "accept", new JsonObject()));
        closeWith(t1, staff, true, "SATISFIED");

        String t2 = to(department);
        ok(act(staff, t2, "accept", new JsonObject()));
        ok(act(staff, t2, "request-extension", new JsonObject().put("days", 2).put("reason", "需协调")));
        ok(act(Staff.token("SUPERVISOR"), t2, "approve-extension", new JsonObject()));
        closeWith(t2, staff, false, "UNSATISFIED");
        ok(act(Staff.token("SUPERVISOR"), t2, "reopen", new JsonObject().put("reason", "未解决")));

        String t3 = to(department);
        ok(act(
                staff,
                t3,
                "return",
                new JsonObject().put("reasonCode", "NOT_OUR_DUTY").put("reason", "不属本单位")));
        ok(act(
                Staff.token("DISPATCHER"),
                t3,
                "reassign",
                new JsonObject()
                        .put("leadDepartmentId", Staff.department("ZJJ"))
                        .put("reason", "改派住建")));

        String t4 = to(department);
        assertThat(execute(
                        "UPDATE ticket_dispatch d JOIN ticket t ON t.id = d.ticket_id"
                                + " SET d.accept_due_at = UTC_TIMESTAMP(3) - INTERVAL 1 MINUTE WHERE t.ticket_no = ?",
                        t4))
                .isEmpty();
        assertThat(execute(
                        "UPDATE ticket SET overdue = 1, reply_due_at = UTC_TIMESTAMP(3) - INTERVAL 1 MINUTE"
                                + " WHERE ticket_no = ?",
                        t4))
                .isEmpty();

        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        HttpResponse<String> response = getAs(
                Staff.token("SUPERVISOR"),
                "/api/v1/stats/kpi?from=" + today + "&to=" + today + "&department=" + department);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject kpi = json(response);
        assertRate(kpi, "responseRate", 2, 4);
        assertRate(kpi, "onTimeCloseRate", 1, 2);
        assertRate(kpi, "resolutionRate", 1, 2);
        assertRate(kpi, "satisfactionRate", 1, 2);
        assertRate(kpi, "returnRate", 1, 5);
        assertRate(kpi, "extensionRate", 1, 5);
        assertRate(kpi, "reopenRate", 1, 2);
        assertThat(kpi.getJsonObject("volumes")
                        .getJsonArray("byChannel")
                        .getJsonObject(0)
                        .getLong("count"))
                .isEqualTo(3);

        String ownAdmin = Staff.token("DEPARTMENT_ADMIN", department);
        JsonObject own = json(getAs(ownAdmin, "/api/v1/stats/kpi?from=" + today + "&to=" + today + "&department=1"));
        assertThat(own.getLong("department")).isEqualTo(department);
        assertThat(getAs(Staff.token("AGENT"), "/api/v1/stats/kpi").statusCode())
                .isEqualTo(403);
        HttpResponse<String> bad = getAs(Staff.token("SUPERVISOR"), "/api/v1/stats/kpi?from=2026-12-01&to=2026-11-01");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).getString("field")).isEqualTo("to");
        assertThat(json(getAs(Staff.token("SUPERVISOR"), "/api/v1/stats/kpi"))
                        .getJsonObject("volumes")
                        .getJsonArray("byDay"))
                .isNotEmpty();
    }
}
