package cn.hotline12345.hub.workflow;

import static cn.hotline12345.hub.TestHub.adminToken;
import static cn.hotline12345.hub.TestHub.getAs;
import static cn.hotline12345.hub.TestHub.json;
import static cn.hotline12345.hub.TestHub.login;
import static cn.hotline12345.hub.TestHub.sendAs;
import static cn.hotline12345.hub.workflow.Tickets.act;
import static cn.hotline12345.hub.workflow.Tickets.ok;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hotline12345.hub.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Departments see masked citizen data, 举报 hides the reporter, unmasking needs a permission and is audited. */
class PrivacyIT {

    private static String ticketFor(long lead, String type) {
        String no =
                Tickets.dispatched("阳光花园楼下烧烤摊油烟扰民严重，每晚营业到凌晨", "阳光花园", "环境保护").getString("ticketNo");
        Tickets.reclassify(no, type, "环境保护", null);
        if (Tickets.detail(no).getJsonObject("lead").getLong("id") != lead) {
            ok(act(
                    Staff.token("DISPATCHER"),
                    no,
                    "reassign",
                    new JsonObject().put("leadDepartmentId", lead).put("reason", "测试")));
        }
        return no;
    }

    @Test
    void departmentsSeeMaskedDataAndUnmaskOnlyWithPermissionAndAReason() {
        long lead = Staff.department("STHJ");
        String complaint = ticketFor(lead, "投诉");
        String staff = Staff.token("DEPARTMENT_STAFF", lead);
        JsonObject masked = json(getAs(staff, "/api/v1/tickets/" + complaint)).getJsonObject("citizen");
        assertThat(masked.getString("phone")).isEqualTo("138****8000");
        assertThat(masked.getString("name")).isEqualTo("张*");
        assertThat(masked.getString("visibility")).isEqualTo("MASKED");
        JsonObject full = json(getAs(Staff.token("AGENT"), "/api/v1/tickets/" + complaint))
                .getJsonObject("citizen");
        assertThat(full.getString("phone")).isEqualTo("13800138000");

        HttpResponse<String> noReason =
                sendAs(staff, "POST", "/api/v1/tickets/" + complaint + "/unmask", new JsonObject());
        assertThat(noReason.statusCode()).isEqualTo(400);
        HttpResponse<String> denied = sendAs(
                staff, "POST", "/api/v1/tickets/" + complaint + "/unmask", new JsonObject().put("reason", "需电话核实"));
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(json(denied).getString("detail")).contains("权限");

        String username = "unmask-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = sendAs(
                adminToken(),
                "POST",
                "/api/v1/admin/users",
                new JsonObject()
                        .put("username", username)
                        .put("displayName", "赵承办")
                        .put("password", TestHub.STAFF_PASSWORD)
                        .put("role", "DEPARTMENT_ADMIN")
                        .put("departmentId", lead)
                        .put("canUnmask", true));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String allowed = login(username, TestHub.STAFF_PASSWORD);
        HttpResponse<String> unmasked = sendAs(
                allowed,
                "POST",
                "/api/v1/tickets/" + complaint + "/unmask",
                new JsonObject().put("reason", "需电话核实现场位置"));
        assertThat(unmasked.statusCode()).as(unmasked.body()).isEqualTo(200);
        assertThat(json(unmasked).getString("phone")).isEqualTo("13800138000");

        String report = ticketFor(lead, "举报");
        JsonObject hidden = json(getAs(allowed, "/api/v1/tickets/" + report)).getJsonObject("citizen");
        assertThat(hidden.getString("visibility")).isEqualTo("HIDDEN");
        assertThat(hidden.getValue("phone")).isNull();
        assertThat(json(getAs(allowed, "/api/v1/tickets/" + report)).encode()).doesNotContain("13800138000");
        HttpResponse<String> reporter = sendAs(
                allowed, "POST", "/api/v1/tickets/" + report + "/unmask", new JsonObject().put("reason", "想知道是谁举报的"));
        assertThat(reporter.statusCode()).isEqualTo(403);
        assertThat(json(reporter).getString("detail")).contains("举报");

        String other = Staff.token("DEPARTMENT_STAFF", Staff.department("JYJ"));
        assertThat(sendAs(
                                other,
                                "POST",
                                "/api/v1/tickets/" + complaint + "/unmask",
                                new JsonObject().put("reason", "x"))
                        .statusCode())
                .isEqualTo(404);

        JsonArray audit = json(getAs(adminToken(), "/api/v1/admin/audit?action=UNMASK&targetId=" + complaint))
                .getJsonArray("items");
        assertThat(audit).hasSize(1);
        assertThat(audit.getJsonObject(0).getString("actor")).isEqualTo("user:" + username);
        assertThat(audit.getJsonObject(0).getJsonObject("detail").getString("reason"))
                .isEqualTo("需电话核实现场位置");
        JsonArray views = json(getAs(adminToken(), "/api/v1/admin/audit?action=VIEW_TICKET&targetId=" + complaint))
                .getJsonArray("items");
        assertThat(views.encode()).contains("MASKED").contains("FULL");
        assertThat(getAs(Staff.token("SUPERVISOR"), "/api/v1/admin/audit").statusCode())
                .isEqualTo(403);
        HttpResponse<String> badTime = getAs(adminToken(), "/api/v1/admin/audit?from=yesterday");
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(json(badTime).getString("field")).isEqualTo("from");
    }

    @Test
    void usersMayOnlyBeCreatedInExistingDepartments() {
        HttpResponse<String> created = sendAs(
                adminToken(),
                "POST",
                "/api/v1/admin/users",
                new JsonObject()
                        .put("username", "ghost-" + UUID.randomUUID().toString().substring(0, 8))
                        .put("displayName", "无单位")
                        .put("password", TestHub.STAFF_PASSWORD)
                        .put("role", "DEPARTMENT_STAFF")
                        .put("departmentId", 999_999));
        assertThat(created.statusCode()).isEqualTo(400);
        assertThat(json(created).getString("field")).isEqualTo("departmentId");
    }
}
