package cn.hotline12345.hub.publication;

import static cn.hotline12345.hub.TestHub.adminToken;
import static cn.hotline12345.hub.TestHub.get;
import static cn.hotline12345.hub.TestHub.getAs;
import static cn.hotline12345.hub.TestHub.json;
import static cn.hotline12345.hub.TestHub.postJson;
import static cn.hotline12345.hub.TestHub.sendAs;
import static cn.hotline12345.hub.TestHub.tokenFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** 网友留言, leader mailboxes and the public page of replies, over HTTP on real MariaDB and Redis. */
class WebChannelsIT {

    private static JsonObject detail(String ticketNo) {
        return json(getAs(adminToken(), "/api/v1/tickets/" + ticketNo));
    }

    private static JsonObject awaitDispatched(String ticketNo) {
        long until = System.currentTimeMillis() + 15_000;
        JsonObject ticket = detail(ticketNo);
        while (ticket.getString("status").equals("RECEIVED")) {
            if (ticket.getBoolean("triage")) {
                sendAs(
                        adminToken(),
                        "POST",
                        "/api/v1/tickets/" + ticketNo + "/actions/reclassify",
                        new JsonObject().put("type", "投诉").put("category", "城乡建设"));
            }
            assertThat(System.currentTimeMillis()).isLessThan(until);
            sleep(150);
            ticket = detail(ticketNo);
        }
        return ticket;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpResponse<String> act(String token, String no, String action, JsonObject body) {
        return sendAs(token, "POST", "/api/v1/tickets/" + no + "/actions/" + action, body);
    }

    @Test
    void aWebMessageIsStoredOnceAndAMailboxLetterGoesToItsOfficeFirst() {
        HttpResponse<String> noPhone = postJson(
                "/api/v1/web-messages", new JsonObject().put("content", "路灯坏了").encode());
        assertThat(noPhone.statusCode()).isEqualTo(400);
        assertThat(json(noPhone).getString("field")).isEqualTo("phone");

        String formId = "form-" + UUID.randomUUID();
        JsonObject form = new JsonObject()
                .put("formId", formId)
                .put("title", "小区路灯不亮")
                .put("content", "桂花苑小区东门路灯坏了一个月")
                .put("phone", "13700001111");
        HttpResponse<String> first = postJson("/api/v1/web-messages", form.encode());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        HttpResponse<String> retry = postJson("/api/v1/web-messages", form.encode());
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(json(retry).getString("ticketNo")).isEqualTo(json(first).getString("ticketNo"));

        JsonArray mailboxes = json(get("/api/v1/mailboxes")).getJsonArray("items");
        assertThat(mailboxes.encode()).contains("县长信箱").contains("住建局局长信箱");
        HttpResponse<String> noTitle = postJson(
                "/api/v1/mailboxes/ZJJ-DIRECTOR/letters",
                new JsonObject()
                        .put("content", "建议")
                        .put("phone", "13700001111")
                        .encode());
        assertThat(json(noTitle).getString("field")).isEqualTo("title");
        HttpResponse<String> letter = postJson(
                "/api/v1/mailboxes/ZJJ-DIRECTOR/letters",
                new JsonObject()
                        .put("title", "关于老旧小区加装电梯的建议")
                        .put("content", "建议加快老旧小区加装电梯审批，简化流程")
                        .put("phone", "13700001111")
                        .encode());
        assertThat(letter.statusCode()).as(letter.body()).isEqualTo(201);
        assertThat(json(letter).getString("mailbox")).isEqualTo("住建局局长信箱");
        JsonObject dispatched = awaitDispatched(json(letter).getString("ticketNo"));
        assertThat(dispatched.getString("channel")).isEqualTo("mailbox");
        assertThat(dispatched.getJsonObject("lead").getString("code")).isEqualTo("ZJJ");
        assertThat(dispatched.getJsonArray("events").encode()).contains("领导信箱来信");
        assertThat(postJson("/api/v1/mailboxes/NOPE/letters", form.encode()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aRepliedMessageIsPublishedWithPersonalDataRedactedOnlyWithConsent() {
        HttpResponse<String> submitted = postJson(
                "/api/v1/web-messages",
                new JsonObject()
                        .put("title", "噪音扰民")
                        .put("content", "我叫王小明，住鼓楼社区阳光花园，电话13912345678，身份证330102199001011234，楼下工地夜间施工")
                        .put("name", "王小明")
                        .put("phone", "13912345678")
                        .put("publicConsent", true)
                        .encode());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String no = json(submitted).getString("ticketNo");
        JsonObject ticket = awaitDispatched(no);
        long lead = ticket.getJsonObject("lead").getLong("id");
        String staff = tokenFor("DEPARTMENT_STAFF", lead);
        String supervisor = tokenFor("SUPERVISOR", null);
        assertThat(act(staff, no, "accept", new JsonObject()).statusCode()).isEqualTo(200);
        assertThat(act(staff, no, "reply", new JsonObject().put("content", "已责令施工单位夜间停工，联系人李主任 0579-86231217"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(act(supervisor, no, "approve", new JsonObject()).statusCode())
                .isEqualTo(200);
        assertThat(act(
                                tokenFor("AGENT", null),
                                no,
                                "follow-up",
                                new JsonObject().put("resolved", true).put("satisfaction", "SATISFIED"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(act(supervisor, no, "publish", new JsonObject()).statusCode())
                .isEqualTo(200);

        JsonObject page = json(get("/api/v1/public/replies?limit=100"));
        JsonObject item = page.getJsonArray("items").stream()
                .map(i -> (JsonObject) i)
                .filter(i -> i.getString("ticketNo").equals(no))
                .findFirst()
                .orElseThrow();
        assertThat(item.getString("content"))
                .contains("139****5678")
                .contains("王**")
                .doesNotContain("13912345678")
                .doesNotContain("王小明")
                .doesNotContain("199001011234");
        assertThat(item.getString("reply")).contains("已责令施工单位夜间停工").doesNotContain("86231217");

        String private1 = json(postJson(
                        "/api/v1/web-messages",
                        new JsonObject()
                                .put("content", "不同意公开的留言")
                                .put("phone", "13912345678")
                                .encode()))
                .getString("ticketNo");
        awaitDispatched(private1);
        assertThat(sendAs(adminToken(), "POST", "/api/v1/tickets/" + private1 + "/actions/publish", new JsonObject())
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void submissionsAreRateLimitedPerPhone() {
        String phone = "136" + String.valueOf(System.nanoTime()).substring(0, 8);
        int last = 0;
        for (int i = 0; i <= PublicationRoutes.PER_PHONE_PER_DAY; i++) {
            last = postJson(
                            "/api/v1/web-messages",
                            new JsonObject()
                                    .put("content", "频繁提交测试" + i)
                                    .put("phone", phone)
                                    .encode())
                    .statusCode();
        }
        assertThat(last).isEqualTo(429);
        HttpResponse<String> limited = postJson(
                "/api/v1/web-messages",
                new JsonObject().put("content", "再来一次").put("phone", phone).encode());
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(limited).getString("detail")).contains("频繁");
    }
}
