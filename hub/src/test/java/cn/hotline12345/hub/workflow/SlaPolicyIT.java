package cn.hotline12345.hub.workflow;

import static cn.hotline12345.hub.TestHub.adminToken;
import static cn.hotline12345.hub.TestHub.get;
import static cn.hotline12345.hub.TestHub.getAs;
import static cn.hotline12345.hub.TestHub.json;
import static cn.hotline12345.hub.TestHub.send;
import static cn.hotline12345.hub.TestHub.sendAs;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hotline12345.hub.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Admins configure time limits; a policy scoped to an area decides the deadlines of tickets there. */
class SlaPolicyIT {

    private static JsonObject limit(int amount, String unit) {
        return new JsonObject().put("amount", amount).put("unit", unit);
    }

    @Test
    void anAreaPolicyDecidesTheDeadlinesOfTicketsInThatArea() {
        JsonObject policy = new JsonObject()
                .put("areaCode", "330999008002")
                .put("accept", limit(4, "WORKING_HOURS"))
                .put("reply", limit(3, "WORKING_DAYS"))
                .put("followUp", limit(1, "WORKING_DAYS"))
                .put("returnWindowDays", 1)
                .put("maxExtensionDays", 5)
                .put("warnShare", 0.5);
        HttpResponse<String> saved = sendAs(adminToken(), "PUT", "/api/v1/admin/sla-policies", policy);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        long id = json(saved).getLong("id");
        JsonArray policies =
                json(getAs(adminToken(), "/api/v1/admin/sla-policies")).getJsonArray("items");
        assertThat(policies.encode()).contains("330999008002");

        Tickets.sleep(300);
        JsonObject ticket = Tickets.dispatched("大源水库边上的村道塌了一大块，车辆过不去，请尽快修复", "大源村", "城乡建设");
        assertThat(ticket.getString("areaCode")).isEqualTo("330999008002");
        String start = ticket.getString("dispatchedAt");
        assertThat(instant(ticket.getString("acceptDueAt"))).isEqualTo(instant(deadline(start, "workingHours", 4)));
        assertThat(instant(ticket.getString("replyDueAt"))).isEqualTo(instant(deadline(start, "workingDays", 3)));
        assertThat(instant(ticket.getString("returnDueAt"))).isEqualTo(instant(deadline(start, "workingDays", 1)));

        HttpResponse<String> again =
                sendAs(adminToken(), "PUT", "/api/v1/admin/sla-policies", policy.put("warnShare", 0.9));
        assertThat(json(again).getLong("id")).isEqualTo(id);
        assertThat(delete("/api/v1/admin/sla-policies/" + id).statusCode()).isEqualTo(204);
    }

    @Test
    void badPoliciesAreRefusedFieldByField() {
        HttpResponse<String> bad = sendAs(
                adminToken(),
                "PUT",
                "/api/v1/admin/sla-policies",
                new JsonObject()
                        .put("urgency", "SOON")
                        .put("accept", limit(2, "FORTNIGHTS"))
                        .put("reply", limit(0, "WORKING_DAYS"))
                        .put("warnShare", 2));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).getJsonArray("errors").encode())
                .contains("urgency")
                .contains("accept.unit")
                .contains("reply.amount")
                .contains("followUp")
                .contains("warnShare");
        JsonObject catchAll = json(getAs(adminToken(), "/api/v1/admin/sla-policies")).getJsonArray("items").stream()
                .map(p -> (JsonObject) p)
                .filter(p -> p.getValue("requestType") == null
                        && p.getValue("urgency") == null
                        && p.getValue("category") == null
                        && p.getValue("areaCode") == null)
                .findFirst()
                .orElseThrow();
        HttpResponse<String> refused = delete("/api/v1/admin/sla-policies/" + catchAll.getLong("id"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).getString("detail")).contains("兜底");
    }

    private static HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(TestHub.baseUrl() + path))
                .header("Authorization", "Bearer " + adminToken())
                .DELETE());
    }

    private static String deadline(String start, String unit, int amount) {
        return json(get("/api/v1/calendar/deadline?start=" + URLEncoder.encode(start, StandardCharsets.UTF_8) + "&"
                        + unit + "=" + amount))
                .getString("deadline");
    }

    private static long instant(String iso) {
        return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
    }
}
