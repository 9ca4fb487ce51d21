package cn.hotline12345.hub.workflow;

import static cn.hotline12345.hub.TestHub.getAs;
import static cn.hotline12345.hub.workflow.Tickets.act;
import static cn.hotline12345.hub.workflow.Tickets.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every role × every action × own or other department: who is refused (403), who cannot see the ticket (404), and who
 * gets past access control (any other answer, e.g. 200, 400 or 409 by the ticket's state).
 */
class AccessMatrixIT {

    private static final Set<String> CENTRE_ROLES = Set.of("AGENT", "DISPATCHER", "SUPERVISOR", "ADMIN");
    private static final Set<String> DEPT = Set.of("DEPARTMENT_STAFF", "DEPARTMENT_ADMIN");

    /** Which roles may perform each action, and as which unit department roles act. */
    private static final Map<String, Object[]> RULES = new LinkedHashMap<>();

    static {
        rule("dispatch", "LEAD", "AGENT", "DISPATCHER", "ADMIN");
        rule("accept", "LEAD", "DEPARTMENT_STAFF", "DEPARTMENT_ADMIN");
        rule("return", "LEAD", "DEPARTMENT_STAFF", "DEPARTMENT_ADMIN");
        rule("reassign", "LEAD", "DISPATCHER", "ADMIN");
        rule("uphold", "LEAD", "DISPATCHER", "ADMIN");
        rule("pause", "LEAD", "DEPARTMENT_STAFF", "DEPARTMENT_ADMIN");
        rule("resume", "LEAD", "DEPARTMENT_STAFF", "DEPARTMENT_ADMIN", "DISPATCHER", "ADMIN");
        rule("request-extension", "LEAD", "DEPARTMENT_STAFF", "DEPARTMENT_ADMIN");
        rule("approve-extension", "LEAD", "DISPATCHER", "SUPERVISOR", "ADMIN");
        rule("deny-extension", "LEAD", "DISPATCHER", "SUPERVISOR", "ADMIN");
        rule("urge", "LEAD", "DISPATCHER", "SUPERVISOR", "ADMIN");
        rule("supervise", "LEAD", "SUPERVISOR", "ADMIN");
        rule("note", "ANY", "DEPARTMENT_STAFF", "DEPARTMENT_ADMIN", "AGENT", "DISPATCHER", "SUPERVISOR", "ADMIN");
        rule("sub-reply", "CO", "DEPARTMENT_STAFF", "DEPARTMENT_ADMIN");
        rule("reply", "LEAD", "DEPARTMENT_STAFF", "DEPARTMENT_ADMIN");
        rule("approve", "LEAD", "DISPATCHER", "SUPERVISOR", "ADMIN");
        rule("reject-reply", "LEAD", "DISPATCHER", "SUPERVISOR", "ADMIN");
        rule("follow-up", "LEAD", "AGENT", "DISPATCHER", "SUPERVISOR", "ADMIN");
        rule("reopen", "LEAD", "DISPATCHER", "SUPERVISOR", "ADMIN");
        rule("answer", "LEAD", "AGENT", "DISPATCHER", "ADMIN");
        rule("reject", "LEAD", "AGENT", "DISPATCHER", "ADMIN");
        rule("merge", "LEAD", "AGENT", "DISPATCHER", "ADMIN");
    }

    private static void rule(String action, String unit, String... roles) {
        RULES.put(action, new Object[] {unit, Set.of(roles)});
    }

    private record Actor(String role, String relation, String token) {}

    @Test
    void everyRoleAndDepartmentGetsExactlyItsAccess() {
        long lead = Staff.department("ZJJ");
        long co = Staff.department("ZHZF");
        long other = Staff.department("WJW");
        String ticket = Tickets.dispatched("楼上住户装修噪音从早到晚，周末也不停", "金桂园", "城乡建设").getString("ticketNo");
        String master = Tickets.dispatched("金桂园小区装修噪音扰民", "金桂园", "城乡建设").getString("ticketNo");
        ok(act(
                Staff.token("DISPATCHER"),
                ticket,
                "reassign",
                new JsonObject()
                        .put("leadDepartmentId", lead)
                        .put("coDepartmentIds", new JsonArray().add(co))
                        .put("reason", "矩阵测试")));
        List<Actor> actors = new ArrayList<>();
        for (String role : CENTRE_ROLES) {
            actors.add(new Actor(role, "centre", Staff.token(role)));
        }
        for (String role : DEPT) {
            actors.add(new Actor(role, "lead", Staff.token(role, lead)));
            actors.add(new Actor(role, "co", Staff.token(role, co)));
            actors.add(new Actor(role, "other", Staff.token(role, other)));
        }
        JsonObject body = new JsonObject()
                .put("reason", "矩阵测试")
                .put("note", "矩阵测试")
                .put("reasonCode", "OTHER")
                .put("days", 1)
                .put("content", "矩阵测试答复")
                .put("resolved", true)
                .put("satisfaction", "SATISFIED")
                .put("answer", "矩阵测试")
                .put("masterTicketNo", master)
                .put("leadDepartmentId", lead)
                .put("coDepartmentIds", new JsonArray().add(co));
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, Object[]> rule : RULES.entrySet()) {
            String action = rule.getKey();
            String unit = (String) rule.getValue()[0];
            @SuppressWarnings("unchecked")
            Set<String> roles = (Set<String>) rule.getValue()[1];
            for (Actor actor : actors) {
                int status = act(actor.token(), ticket, action, body).statusCode();
                String expected;
                if (!roles.contains(actor.role())) {
                    expected = "403";
                } else if (actor.relation().equals("other")) {
                    expected = "404";
                } else if (actor.relation().equals("co") && unit.equals("LEAD")
                        || actor.relation().equals("lead") && unit.equals("CO")) {
                    expected = "409";
                } else {
                    expected = "allowed";
                }
                boolean matches = expected.equals("allowed")
                        ? status != 401 && status != 403 && status != 404
                        : expected.equals(String.valueOf(status));
                if (!matches) {
                    mismatches.add(action + " by " + actor.role() + "/" + actor.relation() + ": expected " + expected
                            + ", got " + status);
                }
            }
        }
        assertThat(mismatches).isEmpty();
        for (Actor actor : actors) {
            int status = getAs(actor.token(), "/api/v1/tickets/" + ticket).statusCode();
            assertThat(status)
                    .as("detail for %s/%s", actor.role(), actor.relation())
                    .isEqualTo(actor.relation().equals("other") ? 404 : 200);
        }
    }
}
