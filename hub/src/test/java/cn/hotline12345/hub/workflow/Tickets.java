package cn.hotline12345.hub.workflow;

import static cn.hotline12345.hub.TestHub.adminToken;
import static cn.hotline12345.hub.TestHub.getAs;
import static cn.hotline12345.hub.TestHub.json;
import static cn.hotline12345.hub.TestHub.postJson;
import static cn.hotline12345.hub.TestHub.sendAs;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.UUID;

/** Test helpers: tickets submitted through the intake and followed until the hub dispatched them. */
final class Tickets {

    private Tickets() {}

    /** Submits a web message and returns its ticket number. */
    static String submit(String content, String address) {
        JsonObject body = new JsonObject()
                .put("channel", "web")
                .put("externalId", "wf-" + UUID.randomUUID())
                .put("content", content)
                .put("citizen", new JsonObject().put("name", "张三").put("phone", "13800138000"));
        if (address != null) {
            body.put("address", address);
        }
        HttpResponse<String> response = postJson("/api/v1/requests", body.encode());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).getString("ticketNo");
    }

    /**
     * Submits a message, confirms its category if the classifier sent it to triage, and waits for the hub's
     * dispatcher to route it; returns the ticket's detail.
     */
    static JsonObject dispatched(String content, String address, String category) {
        String ticketNo = submit(content, address);
        JsonObject detail = awaitStatusNot(ticketNo, "RECEIVED", 15_000);
        if (detail.getBoolean("triage") && detail.getString("status").equals("RECEIVED")) {
            reclassify(ticketNo, "投诉", category, null);
        }
        return awaitStatusNot(ticketNo, "RECEIVED", 15_000);
    }

    static void reclassify(String ticketNo, String type, String category, String subcategory) {
        JsonObject body = new JsonObject().put("type", type).put("category", category);
        if (subcategory != null) {
            body.put("subcategory", subcategory);
        }
        HttpResponse<String> response =
                sendAs(adminToken(), "POST", "/api/v1/tickets/" + ticketNo + "/actions/reclassify", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    static JsonObject detail(String ticketNo) {
        HttpResponse<String> response = getAs(adminToken(), "/api/v1/tickets/" + ticketNo);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /** Polls the ticket until its status is not {@code status} (or, for a triaged ticket, returns at once). */
    static JsonObject awaitStatusNot(String ticketNo, String status, long millis) {
        long until = System.currentTimeMillis() + millis;
        while (true) {
            JsonObject detail = detail(ticketNo);
            if (!detail.getString("status").equals(status) || detail.getBoolean("triage")) {
                return detail;
            }
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("Ticket " + ticketNo + " stayed " + status);
            }
            sleep(100);
        }
    }

    static HttpResponse<String> act(String token, String ticketNo, String action, JsonObject body) {
        return sendAs(token, "POST", "/api/v1/tickets/" + ticketNo + "/actions/" + action, body);
    }

    static JsonObject ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
