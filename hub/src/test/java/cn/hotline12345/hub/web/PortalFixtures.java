package cn.hotline12345.hub.web;

import static cn.hotline12345.hub.TestHub.adminToken;
import static cn.hotline12345.hub.TestHub.count;
import static cn.hotline12345.hub.TestHub.execute;
import static cn.hotline12345.hub.TestHub.getAs;
import static cn.hotline12345.hub.TestHub.json;
import static cn.hotline12345.hub.TestHub.postJson;
import static cn.hotline12345.hub.TestHub.sendAs;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hotline12345.hub.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Test helpers of the department portal and supervisor console tests: staff with passwords for the browser, tickets
 * dispatched to a chosen unit, deadlines made to pass, and multipart uploads.
 */
final class PortalFixtures {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private PortalFixtures() {}

    static long department(String code) {
        return TestHub.departmentId(code);
    }

    /** Creates a user who signs in with {@link TestHub#STAFF_PASSWORD}; answers the username. */
    static String user(String role, Long departmentId, boolean canUnmask, String displayName) {
        String username = "ui-" + role.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 6);
        JsonObject body = new JsonObject()
                .put("username", username)
                .put("displayName", displayName)
                .put("password", TestHub.STAFF_PASSWORD)
                .put("role", role)
                .put("canUnmask", canUnmask);
        if (departmentId != null) {
            body.put("departmentId", departmentId);
        }
        HttpResponse<String> created = sendAs(adminToken(), "POST", "/api/v1/admin/users", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return username;
    }

    static String token(String username) {
        return TestHub.login(username, TestHub.STAFF_PASSWORD);
    }

    /** A web message with a citizen, dispatched to {@code lead} (and {@code co}, if not null); its ticket number. */
    static String dispatchedTo(long lead, Long co, String content) {
        HttpResponse<String> submitted = postJson(
                "/api/v1/requests",
                new JsonObject()
                        .put("channel", "web")
                        .put("externalId", "ui-" + UUID.randomUUID())
                        .put("title", content.substring(0, Math.min(18, content.length())))
                        .put("content", content)
                        .put("address", "桂花苑")
                        .put("citizen", new JsonObject().put("name", "张三").put("phone", "13800138000"))
                        .encode());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String no = json(submitted).getString("ticketNo");
        JsonObject detail = awaitStatusNot(no, "RECEIVED");
        if (detail.getString("status").equals("RECEIVED")) {
            ok(action(
                    adminToken(),
                    no,
                    "reclassify",
                    new JsonObject().put("type", "投诉").put("category", "城乡建设")));
            detail = awaitStatusNot(no, "RECEIVED");
        }
        JsonObject body = new JsonObject().put("leadDepartmentId", lead).put("reason", "测试派单");
        if (co != null) {
            body.put("coDepartmentIds", new JsonArray().add(co));
        }
        String status = detail.getString("status");
        JsonObject current = detail.getJsonObject("lead");
        if (status.equals("DISPATCHED") && co == null && current != null && current.getLong("id") == lead) {
            return no;
        }
        ok(action(adminToken(), no, status.equals("PENDING_DISPATCH") ? "dispatch" : "reassign", body));
        return no;
    }

    static JsonObject detail(String ticketNo) {
        return ok(getAs(adminToken(), "/api/v1/tickets/" + ticketNo));
    }

    private static JsonObject awaitStatusNot(String ticketNo, String status) {
        long until = System.currentTimeMillis() + 15_000;
        while (true) {
            JsonObject detail = detail(ticketNo);
            if (!detail.getString("status").equals(status) || detail.getBoolean("triage")) {
                return detail;
            }
            assertThat(System.currentTimeMillis())
                    .as("%s left %s", ticketNo, status)
                    .isLessThan(until);
            sleep(100);
        }
    }

    static HttpResponse<String> action(String token, String ticketNo, String action, JsonObject body) {
        return sendAs(token, "POST", "/api/v1/tickets/" + ticketNo + "/actions/" + action, body);
    }

    static JsonObject ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /** Makes the ticket's unfired clocks of {@code stage} (null: all) due now and waits until the hub fired them. */
    static void fireClocks(String ticketNo, String stage) {
        String only = stage == null ? "" : " AND c.stage = '" + stage + "'";
        assertThat(execute(
                        "UPDATE ticket_clock c JOIN ticket t ON t.id = c.ticket_id"
                                + " SET c.fire_at = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND"
                                + " WHERE c.fired_at IS NULL AND t.ticket_no = ?" + only,
                        ticketNo))
                .isEmpty();
        long until = System.currentTimeMillis() + 30_000;
        while (count(
                        "SELECT COUNT(*) FROM ticket_clock c JOIN ticket t ON t.id = c.ticket_id"
                                + " WHERE c.fired_at IS NULL AND t.ticket_no = ?" + only,
                        ticketNo)
                > 0) {
            assertThat(System.currentTimeMillis())
                    .as("clocks of %s fired", ticketNo)
                    .isLessThan(until);
            sleep(200);
        }
    }

    /** {@code POST path} as multipart/form-data with one file in {@code field}. */
    static HttpResponse<String> uploadMultipart(
            String token, String path, String field, String fileName, String contentType, byte[] content) {
        String boundary = "----hub" + UUID.randomUUID().toString().replace("-", "");
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        try {
            return CLIENT.send(
                    HttpRequest.newBuilder(URI.create(TestHub.baseUrl() + path))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A small valid-looking PDF. */
    static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The browser logs the API's 400 answers that the page shows next to the fields; nothing else may be logged. */
    static void expectedProblemsOnly(Browser browser) {
        List<String> logged = browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
        assertThat(logged).allMatch(m -> m.contains("status of 400"));
    }
}
