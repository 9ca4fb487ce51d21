package cn.hotline12345.hub.classify;

import static cn.hotline12345.hub.TestHub.baseUrl;
import static cn.hotline12345.hub.TestHub.json;
import static cn.hotline12345.hub.TestHub.postJson;
import static cn.hotline12345.hub.TestHub.send;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hotline12345.hub.TestHub;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClassificationApiIT {

    private static String admin;
    private static String agent;

    @BeforeAll
    static void signIn() {
        admin = token("admin", TestHub.ADMIN_PASSWORD);
        String username = "triage-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(call(
                                admin,
                                "POST",
                                "/api/v1/admin/users",
                                new JsonObject()
                                        .put("username", username)
                                        .put("displayName", "李坐席")
                                        .put("password", "Hotline12345")
                                        .put("role", "AGENT"))
                        .statusCode())
                .isEqualTo(201);
        agent = token(username, "Hotline12345");
    }

    private static String token(String username, String password) {
        return json(postJson(
                        "/api/v1/auth/login",
                        new JsonObject()
                                .put("username", username)
                                .put("password", password)
                                .encode()))
                .getString("token");
    }

    private static HttpResponse<String> call(String token, String method, String path, JsonObject body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            return send(request.method(method, HttpRequest.BodyPublishers.noBody()));
        }
        return send(request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.encode())));
    }

    @Test
    void anAgentWorksTheTriageQueue() {
        String ticketNo = json(postJson(
                        "/api/v1/requests",
                        new JsonObject()
                                .put("channel", "hotline")
                                .put("content", "喂？喂喂，听得到吗")
                                .encode()))
                .getString("ticketNo");

        HttpResponse<String> queue = call(agent, "GET", "/api/v1/tickets/triage?limit=200", null);
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains(ticketNo).contains("suggestion").contains("categoryConfidence");

        assertThat(call(
                                agent,
                                "POST",
                                "/api/v1/tickets/" + ticketNo + "/actions/reclassify",
                                new JsonObject().put("type", "其他").put("category", "不存在的分类"))
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> corrected = call(
                agent,
                "POST",
                "/api/v1/tickets/" + ticketNo + "/actions/reclassify",
                new JsonObject().put("type", "其他").put("category", "党务政务"));
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        assertThat(TestHub.count(
                        "SELECT COUNT(*) FROM classification_correction c JOIN ticket t ON t.id = c.ticket_id"
                                + " WHERE t.ticket_no = ? AND c.corrected_by LIKE 'user:triage-%'",
                        ticketNo))
                .isEqualTo(1);
        assertThat(call(agent, "GET", "/api/v1/tickets/triage?limit=200", null).body())
                .doesNotContain(ticketNo);

        assertThat(call(
                                agent,
                                "POST",
                                "/api/v1/tickets/19990101000001/actions/reclassify",
                                new JsonObject().put("type", "其他").put("category", "民政"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(call(null, "GET", "/api/v1/tickets/triage", null).statusCode())
                .isEqualTo(401);
        assertThat(call(agent, "GET", "/api/v1/tickets/triage?limit=0", null).statusCode())
                .isEqualTo(400);
    }

    @Test
    void adminsRetrainAndReadReportsButAgentsCannot() {
        assertThat(call(agent, "POST", "/api/v1/admin/classifier/train", new JsonObject().put("target", "type"))
                        .statusCode())
                .isEqualTo(403);

        HttpResponse<String> trained =
                call(admin, "POST", "/api/v1/admin/classifier/train", new JsonObject().put("target", "type"));
        assertThat(trained.statusCode()).as(trained.body()).isEqualTo(201);
        JsonObject summary = json(trained);
        assertThat(summary.getDouble("macroF1")).isGreaterThan(0.8);
        assertThat(summary.getBoolean("active")).isFalse();

        String version = summary.getString("version");
        assertThat(call(admin, "GET", "/api/v1/admin/classifier/models", null).body())
                .contains(version);
        assertThat(json(call(admin, "GET", "/api/v1/admin/classifier/models/" + version + "/report", null))
                        .getJsonObject("confusion"))
                .isNotNull();
        assertThat(call(admin, "POST", "/api/v1/admin/classifier/models/nope/activate", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(call(admin, "POST", "/api/v1/admin/classifier/train", new JsonObject().put("target", "mood"))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void adminsPublishTaxonomyVersions() {
        assertThat(call(admin, "PUT", "/api/v1/admin/taxonomy", new JsonObject().put("types", "咨询"))
                        .statusCode())
                .isEqualTo(400);
        JsonObject current = json(call(null, "GET", "/api/v1/taxonomy", null));
        HttpResponse<String> published = call(admin, "PUT", "/api/v1/admin/taxonomy", current.put("note", "重新发布"));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        assertThat(json(call(admin, "GET", "/api/v1/admin/taxonomy/history", null))
                        .getJsonArray("versions"))
                .isNotEmpty();
    }
}
