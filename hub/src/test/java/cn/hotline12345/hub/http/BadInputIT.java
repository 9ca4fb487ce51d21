package cn.hotline12345.hub.http;

import static cn.hotline12345.hub.TestHub.baseUrl;
import static cn.hotline12345.hub.TestHub.count;
import static cn.hotline12345.hub.TestHub.json;
import static cn.hotline12345.hub.TestHub.postJson;
import static cn.hotline12345.hub.TestHub.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BadInputIT {

    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonObject problem = json(response);
        assertThat(problem.getInteger("status")).isEqualTo(status);
        assertThat(problem.getString("detail")).containsPattern("\\p{IsHan}");
        if (field != null) {
            assertThat(problem.getString("field")).isEqualTo(field);
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"channel\":\"web\"                                      | content",
                "{\"channel\":\"web\",\"content\":\"   \"}                 | content",
                "{\"channel\":\"web\",\"content\":42}                      | content",
                "{\"channel\":\"web\",\"content\":[\"a\"]}                 | content",
                "{\"content\":\"路灯坏了\"}                                  | channel",
                "{\"channel\":\"telegram\",\"content\":\"路灯坏了\"}          | channel",
                "{\"channel\":7,\"content\":\"路灯坏了\"}                     | channel",
                "{\"channel\":\"web\",\"content\":\"路灯坏了\",\"title\":{}}   | title",
                "{\"channel\":\"web\",\"content\":\"路灯坏了\",\"citizen\":\"张三\"} | citizen",
                "{\"channel\":\"web\",\"content\":\"路灯坏了\",\"citizen\":{\"phone\":\"call me\"}} | citizen.phone",
                "{\"channel\":\"web\",\"content\":\"路灯坏了\",\"citizen\":{\"phone\":13800001111}} | citizen.phone",
                "{\"channel\":\"web\",\"content\":\"路灯坏了\",\"publicConsent\":\"yes\"} | publicConsent",
                "[1,2,3]                                                      | body",
                "\"just a string\"                                            | body",
                "{\"channel\":\"web\",                                        | body",
            })
    void rejectsMalformedOrMistypedRequests(String body, String field) {
        String json = body.endsWith("\"web\"") ? body + "}" : body;
        assertProblem(postJson("/api/v1/requests", json), 400, field);
    }

    @Test
    void namesEveryOffendingField() {
        JsonObject problem = json(postJson(
                "/api/v1/requests", "{\"channel\":\"fax\",\"content\":\"\",\"citizen\":{\"phone\":\"x\"},\"area\":1}"));

        JsonArray errors = problem.getJsonArray("errors");
        assertThat(errors.stream().map(e -> ((JsonObject) e).getString("field")))
                .containsExactlyInAnyOrder("channel", "content", "citizen.phone", "area");
    }

    @Test
    void rejectsOverLongFields() {
        String longTitle = "标".repeat(101);
        String longContent = "很".repeat(20_001);

        assertProblem(
                postJson(
                        "/api/v1/requests",
                        new JsonObject()
                                .put("channel", "web")
                                .put("content", "路灯坏了")
                                .put("title", longTitle)
                                .encode()),
                400,
                "title");
        HttpResponse<String> tooLong = postJson(
                "/api/v1/requests",
                new JsonObject()
                        .put("channel", "web")
                        .put("content", longContent)
                        .encode());
        assertThat(tooLong.statusCode()).isIn(400, 413);
    }

    @Test
    void rejectsABodyOverTheLimitWith413() {
        String huge = "{\"channel\":\"web\",\"content\":\"" + "a".repeat(400_000) + "\"}";
        assertProblem(postJson("/api/v1/requests", huge), 413, "body");
    }

    @Test
    void rejectsAnEmptyBody() {
        assertProblem(postJson("/api/v1/requests", ""), 400, "body");
    }

    @Test
    void rejectsBrokenUtf8() {
        byte[] bytes = new byte[] {
            '{', '"', 'c', 'h', 'a', 'n', 'n', 'e', 'l', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
        };
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/requests"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void rejectsAWrongContentTypeWith415() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/requests"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("channel=web&content=x")));
        assertProblem(response, 415, "Content-Type");
    }

    @Test
    void rejectsABadIdempotencyKey() {
        assertProblem(
                postJson(
                        "/api/v1/requests",
                        "{\"channel\":\"web\",\"content\":\"路灯坏了\"}",
                        "Idempotency-Key",
                        "k".repeat(200)),
                400,
                "Idempotency-Key");
    }

    @Test
    void unknownRoutesAndMethodsAreProblems() {
        assertProblem(cn.hotline12345.hub.TestHub.get("/api/v1/no-such-thing"), 404, null);
        assertProblem(cn.hotline12345.hub.TestHub.get("/nothing/here"), 404, null);
        assertProblem(
                send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/requests"))
                        .DELETE()),
                405,
                null);
    }

    @Test
    void badRequestsStoreNothing() {
        String marker = UUID.randomUUID().toString();
        postJson("/api/v1/requests", "{\"channel\":\"fax\",\"content\":\"" + marker + "\"}");
        assertThat(count("SELECT COUNT(*) FROM ticket WHERE content = ?", marker))
                .isZero();
    }
}
