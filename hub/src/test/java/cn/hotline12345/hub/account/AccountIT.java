package cn.hotline12345.hub.account;

import static cn.hotline12345.hub.TestHub.baseUrl;
import static cn.hotline12345.hub.TestHub.count;
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
import org.junit.jupiter.api.Test;

class AccountIT {

    private static String login(String username, String password) {
        HttpResponse<String> response = postJson(
                "/api/v1/auth/login",
                new JsonObject()
                        .put("username", username)
                        .put("password", password)
                        .encode());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).getString("token");
    }

    private static HttpResponse<String> getAs(String token, String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .GET());
    }

    private static HttpResponse<String> sendAs(String token, String method, String path, JsonObject body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.encode())));
    }

    private static String newAgent(String admin) {
        String username = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = sendAs(
                admin,
                "POST",
                "/api/v1/admin/users",
                new JsonObject()
                        .put("username", username)
                        .put("displayName", "王小明")
                        .put("password", "Hotline12345")
                        .put("role", "AGENT"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return username;
    }

    @Test
    void theFirstAdminSignsInAndManagesUsersWithAudit() {
        String admin = login("admin", TestHub.ADMIN_PASSWORD);
        assertThat(json(getAs(admin, "/api/v1/auth/me")).getString("role")).isEqualTo("ADMIN");

        String username = newAgent(admin);

        assertThat(sendAs(
                                admin,
                                "POST",
                                "/api/v1/admin/users",
                                new JsonObject()
                                        .put("username", username)
                                        .put("displayName", "重复")
                                        .put("password", "Hotline12345")
                                        .put("role", "AGENT"))
                        .statusCode())
                .isEqualTo(409);
        assertThat(json(getAs(admin, "/api/v1/admin/users"))
                        .getJsonArray("users")
                        .encode())
                .contains(username);
        assertThat(count(
                        "SELECT COUNT(*) FROM audit_log WHERE actor = 'user:admin' AND action = 'CREATE_USER' AND target_id = ?",
                        username))
                .isEqualTo(1);
        assertThat(json(sendAs(
                                admin,
                                "POST",
                                "/api/v1/admin/users",
                                new JsonObject()
                                        .put("username", "c")
                                        .put("displayName", "")
                                        .put("password", "short")
                                        .put("role", "DEPARTMENT_STAFF")))
                        .getJsonArray("errors"))
                .hasSize(4);
    }

    @Test
    void rolesAreEnforcedAndPasswordsNeverLeak() {
        String admin = login("admin", TestHub.ADMIN_PASSWORD);
        String username = newAgent(admin);
        String agent = login(username, "Hotline12345");

        HttpResponse<String> forbidden = getAs(agent, "/api/v1/admin/users");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(json(forbidden).getString("detail")).contains("话务员");
        assertThat(getAs("not-a-token", "/api/v1/auth/me").statusCode()).isEqualTo(401);
        assertThat(getAs(admin, "/api/v1/admin/users").body())
                .doesNotContain("password")
                .doesNotContain("$2");
    }

    @Test
    void disablingAnAccountEndsItsSessions() {
        String admin = login("admin", TestHub.ADMIN_PASSWORD);
        String username = newAgent(admin);
        String agent = login(username, "Hotline12345");

        assertThat(sendAs(admin, "PATCH", "/api/v1/admin/users/" + username, new JsonObject().put("active", false))
                        .statusCode())
                .isEqualTo(200);

        assertThat(getAs(agent, "/api/v1/auth/me").statusCode()).isEqualTo(401);
        assertThat(postJson(
                                "/api/v1/auth/login",
                                new JsonObject()
                                        .put("username", username)
                                        .put("password", "Hotline12345")
                                        .encode())
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void repeatedFailuresLockTheAccountAndLogoutEndsTheSession() {
        String admin = login("admin", TestHub.ADMIN_PASSWORD);
        String username = newAgent(admin);
        for (int i = 0; i < Sessions.MAX_FAILURES; i++) {
            assertThat(postJson(
                                    "/api/v1/auth/login",
                                    new JsonObject()
                                            .put("username", username)
                                            .put("password", "wrong-" + i)
                                            .encode())
                            .statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> locked = postJson(
                "/api/v1/auth/login",
                new JsonObject()
                        .put("username", username)
                        .put("password", "Hotline12345")
                        .encode());
        assertThat(locked.statusCode()).isEqualTo(423);

        String session = login("admin", TestHub.ADMIN_PASSWORD);
        assertThat(sendAs(session, "POST", "/api/v1/auth/logout", new JsonObject())
                        .statusCode())
                .isEqualTo(204);
        assertThat(getAs(session, "/api/v1/auth/me").statusCode()).isEqualTo(401);
    }
}
