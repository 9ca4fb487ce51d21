package cn.hotline12345.hub.miniprogram;

import static cn.hotline12345.hub.TestHub.baseUrl;
import static cn.hotline12345.hub.TestHub.count;
import static cn.hotline12345.hub.TestHub.execute;
import static cn.hotline12345.hub.TestHub.getAs;
import static cn.hotline12345.hub.TestHub.json;
import static cn.hotline12345.hub.TestHub.postJson;
import static cn.hotline12345.hub.TestHub.send;
import static cn.hotline12345.hub.TestHub.sendAs;
import static cn.hotline12345.hub.TestHub.tokenFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The mini-program backend: code2session login, requests with photos, my requests, progress and rating. */
class MiniProgramIT {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};

    record Part(String name, String fileName, String type, byte[] content) {}

    static String login(String code) {
        HttpResponse<String> response = postJson(
                "/api/v1/miniprogram/login", new JsonObject().put("code", code).encode());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).getString("token");
    }

    static HttpResponse<String> submit(String token, Map<String, String> fields, List<Part> files) {
        String boundary = "----hub" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        for (Part file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.name()
                            + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: " + file.type() + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/miniprogram/requests"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    static Map<String, String> form(String requestId, String content) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("requestId", requestId);
        form.put("content", content);
        form.put("address", "青溪县城关镇桂花苑小区");
        form.put("publicConsent", "false");
        return form;
    }

    @Test
    void aCitizenSignsInSubmitsWithPhotosOnceAndFollowsAndRatesTheirRequest() {
        String code = "u-" + UUID.randomUUID().toString().substring(0, 8);
        String token = login(code);
        String requestId = UUID.randomUUID().toString();
        String content = "桂花苑小区东门的路面塌陷了一个大坑，已经有电动车摔倒，请尽快修复。" + requestId;
        List<Part> photos = List.of(
                new Part("photos", "坑.png", "image/png", PNG), new Part("photos", "现场.jpg", "image/jpeg", JPEG));

        HttpResponse<String> created = submit(token, form(requestId, content), photos);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String ticketNo = json(created).getString("ticketNo");
        HttpResponse<String> retried = submit(token, form(requestId, content), photos);
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(json(retried).getString("ticketNo")).isEqualTo(ticketNo);
        assertThat(count(
                        "SELECT COUNT(*) FROM ticket_attachment a JOIN ticket t ON t.id = a.ticket_id"
                                + " WHERE t.ticket_no = ? AND a.kind = 'PHOTO'",
                        ticketNo))
                .isEqualTo(2);
        assertThat(count(
                        "SELECT COUNT(*) FROM ticket WHERE ticket_no = ? AND channel = 'miniprogram' AND reply_to = ?",
                        ticketNo,
                        "oMini-" + code))
                .isEqualTo(1);

        JsonObject mine = json(getAs(token, "/api/v1/miniprogram/requests"));
        assertThat(mine.getJsonArray("items").getJsonObject(0).getString("ticketNo"))
                .isEqualTo(ticketNo);
        JsonObject progress = json(getAs(token, "/api/v1/miniprogram/requests/" + ticketNo));
        assertThat(progress.getJsonArray("attachments")).hasSize(2);
        assertThat(progress.getBoolean("canRate")).isFalse();
        String stranger = login("other-" + UUID.randomUUID().toString().substring(0, 8));
        assertThat(getAs(stranger, "/api/v1/miniprogram/requests/" + ticketNo).statusCode())
                .isEqualTo(404);
        assertThat(json(getAs(stranger, "/api/v1/miniprogram/requests")).getJsonArray("items"))
                .isEmpty();

        JsonObject citizen = json(getAs(tokenFor("AGENT", null), "/api/v1/citizens?unionid=oUnion-" + code))
                .getJsonObject("citizen");
        assertThat(citizen.getJsonArray("identities").encode())
                .contains("MINIPROGRAM_OPENID")
                .contains("WECHAT_UNIONID");

        execute("UPDATE ticket SET status = 'FOLLOW_UP' WHERE ticket_no = ?", ticketNo);
        assertThat(sendAs(
                                stranger,
                                "POST",
                                "/api/v1/miniprogram/requests/" + ticketNo + "/rating",
                                new JsonObject().put("satisfaction", "SATISFIED"))
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> rated = sendAs(
                token,
                "POST",
                "/api/v1/miniprogram/requests/" + ticketNo + "/rating",
                new JsonObject().put("satisfaction", "SATISFIED").put("resolved", true));
        assertThat(rated.statusCode()).as(rated.body()).isEqualTo(200);
        assertThat(json(rated).getString("status")).isEqualTo("CLOSED");
    }

    @Test
    void badLoginsAndUploadsAreClearProblemsAndStoreNothing() {
        HttpResponse<String> bad = postJson(
                "/api/v1/miniprogram/login", new JsonObject().put("code", "bad").encode());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).getString("field")).isEqualTo("code");
        assertThat(postJson(
                                "/api/v1/miniprogram/login",
                                new JsonObject().put("code", "risky").encode())
                        .statusCode())
                .isEqualTo(403);
        assertThat(json(postJson("/api/v1/miniprogram/login", "{}")).getString("field"))
                .isEqualTo("code");

        String token = login("mp-" + UUID.randomUUID().toString().substring(0, 8));
        String marker = UUID.randomUUID().toString();
        String content = "请问公租房申请需要哪些材料，在哪里办理？" + marker;
        assertThat(submit(null, form(marker, content), List.of()).statusCode()).isEqualTo(401);

        HttpResponse<String> text = submit(
                token,
                form(marker, content),
                List.of(new Part("photos", "notes.txt", "image/png", "not an image".getBytes(StandardCharsets.UTF_8))));
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(json(text).getString("field")).isEqualTo("photos");

        byte[] big = Arrays.copyOf(JPEG, 300 * 1024);
        HttpResponse<String> tooBig =
                submit(token, form(marker, content), List.of(new Part("photos", "big.jpg", "image/jpeg", big)));
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(json(tooBig).getString("field")).isEqualTo("photos");

        List<Part> seven = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            seven.add(new Part("photos", i + ".png", "image/png", Arrays.copyOf(PNG, PNG.length + i)));
        }
        assertThat(json(submit(token, form(marker, content), seven)).getString("field"))
                .isEqualTo("photos");

        Map<String, String> noContent = form(marker, "");
        HttpResponse<String> empty = submit(token, noContent, List.of());
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty).getString("field")).isEqualTo("content");

        HttpResponse<String> asJson =
                send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/miniprogram/requests"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                new JsonObject().put("content", content).encode())));
        assertThat(asJson.statusCode()).isEqualTo(415);
        assertThat(asJson.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(count("SELECT COUNT(*) FROM ticket WHERE content LIKE ?", "%" + marker + "%"))
                .isZero();
    }
}
