package cn.hotline12345.hub.wechat;

import static cn.hotline12345.hub.TestHub.SMS;
import static cn.hotline12345.hub.TestHub.WECHAT_API;
import static cn.hotline12345.hub.TestHub.WECHAT_TOKEN;
import static cn.hotline12345.hub.TestHub.adminToken;
import static cn.hotline12345.hub.TestHub.baseUrl;
import static cn.hotline12345.hub.TestHub.count;
import static cn.hotline12345.hub.TestHub.execute;
import static cn.hotline12345.hub.TestHub.getAs;
import static cn.hotline12345.hub.TestHub.json;
import static cn.hotline12345.hub.TestHub.send;
import static cn.hotline12345.hub.TestHub.sendAs;
import static cn.hotline12345.hub.TestHub.tokenFor;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hotline12345.hub.TestHub;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.junit.jupiter.api.Test;

/**
 * Notifications to citizens who wrote through the official account: customer-service messages to their openid through
 * the outbox, with the fake WeChat API issuing tokens, expiring them and refusing citizens whose 48-hour window closed.
 */
class WeChatNotificationIT {

    private final String openid = "oNotify" + UUID.randomUUID().toString().substring(0, 12);

    /** Registers a complaint sent through the official account; returns its ticket number. */
    private String complaint(String text) {
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        String nonce = "n" + System.nanoTime();
        String xml = "<xml><ToUserName><![CDATA[gh_hotline12345]]></ToUserName><FromUserName><![CDATA[" + openid
                + "]]></FromUserName><CreateTime>" + timestamp + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[投诉 " + text + "]]></Content><MsgId>" + System.nanoTime() + "</MsgId></xml>";
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/channels/wechat?"
                        + "signature=" + SHA1.gen(WECHAT_TOKEN, timestamp, nonce) + "&timestamp=" + timestamp
                        + "&nonce=" + nonce))
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return WxMpXmlMessage.fromXml(response.body()).getContent().replaceAll("(?s).*工单号：(\\d+).*", "$1");
    }

    /** Queues a notification as the workflow does, for the ticket's openid. */
    private void notify(String ticketNo, String text) {
        assertThat(execute(
                        "INSERT INTO outbox (ticket_id, channel, recipient, kind, text, status, next_attempt_at,"
                                + " created_at) SELECT id, channel, COALESCE(reply_to, citizen_phone), 'REPLY', ?,"
                                + " 'PENDING', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3) FROM ticket WHERE ticket_no = ?",
                        text,
                        ticketNo))
                .isEmpty();
    }

    private static long sent(String ticketNo, String via) {
        return count(
                "SELECT COUNT(*) FROM outbox o JOIN ticket t ON t.id = o.ticket_id"
                        + " WHERE t.ticket_no = ? AND o.status = 'SENT' AND o.delivered_via = ?",
                ticketNo,
                via);
    }

    private static void await(String what, BooleanSupplier condition) {
        long until = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static JsonObject ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static long department(String code) {
        return TestHub.departmentId(code);
    }

    private static HttpResponse<String> act(String token, String ticketNo, String action, JsonObject body) {
        return sendAs(token, "POST", "/api/v1/tickets/" + ticketNo + "/actions/" + action, body);
    }

    @Test
    void aDepartmentsReplyReachesTheCitizensOpenid() {
        String ticketNo = complaint("幸福里小区3栋门口路灯坏了半个月，晚上很不安全");
        await(
                "dispatch",
                () -> !"RECEIVED"
                                .equals(ok(getAs(adminToken(), "/api/v1/tickets/" + ticketNo))
                                        .getString("status"))
                        || ok(getAs(adminToken(), "/api/v1/tickets/" + ticketNo))
                                .getBoolean("triage"));
        if ("RECEIVED"
                .equals(ok(getAs(adminToken(), "/api/v1/tickets/" + ticketNo)).getString("status"))) {
            ok(act(
                    adminToken(),
                    ticketNo,
                    "reclassify",
                    new JsonObject().put("type", "投诉").put("category", "城乡建设")));
            await("dispatch after triage", () -> !"RECEIVED"
                    .equals(ok(getAs(adminToken(), "/api/v1/tickets/" + ticketNo))
                            .getString("status")));
        }
        long lead = department("ZJJ");
        ok(act(
                tokenFor("DISPATCHER", null),
                ticketNo,
                "reassign",
                new JsonObject().put("leadDepartmentId", lead).put("reason", "住建局办理")));
        String staff = tokenFor("DEPARTMENT_STAFF", lead);
        ok(act(staff, ticketNo, "accept", new JsonObject()));
        ok(act(
                staff,
                ticketNo,
                "reply",
                new JsonObject().put("content", "路灯已于今日修复。").put("resolved", true)));
        ok(act(tokenFor("DISPATCHER", null), ticketNo, "approve", new JsonObject()));

        await("the customer-service message", () -> WECHAT_API.to(openid).stream()
                .anyMatch(m -> m.getString("content").contains("路灯已于今日修复")));
        await("the outbox row", () -> sent(ticketNo, "WECHAT") == 1);
        assertThat(SMS.accepted().stream().filter(m -> m.getString("text").contains(ticketNo)))
                .isEmpty();
    }

    @Test
    void anExpiredTokenIsRenewedOnceAndTheMessageStillGoesOut() {
        String ticketNo = complaint("建设路与人民路口红绿灯不亮");
        notify(ticketNo, "第一条通知：已转交交警部门。");
        await("the first message", () -> WECHAT_API.to(openid).size() == 1);
        int issued = WECHAT_API.tokensIssued();
        WECHAT_API.expireTokens();
        notify(ticketNo, "第二条通知：红绿灯已修复。");
        await("the second message", () -> WECHAT_API.to(openid).size() == 2);
        assertThat(WECHAT_API.tokensIssued() - issued).isEqualTo(1);
        assertThat(WECHAT_API.to(openid).get(1).getString("token"))
                .isEqualTo("ACCESS_TOKEN_" + WECHAT_API.tokensIssued());
        await("both outbox rows", () -> sent(ticketNo, "WECHAT") == 2);
        assertThat(count(
                        "SELECT MAX(attempts) FROM outbox o JOIN ticket t ON t.id = o.ticket_id WHERE t.ticket_no = ?",
                        ticketNo))
                .isEqualTo(1);
    }

    @Test
    void aCitizenOutsideTheReplyWindowGetsAnSmsWhenTheTicketHasAPhone() {
        WECHAT_API.refuse(openid, 45015);
        String ticketNo = complaint("桂花苑小区二次供水水压太低");
        String phone = "139" + String.valueOf(System.nanoTime()).substring(0, 8);
        assertThat(execute("UPDATE ticket SET citizen_phone = ? WHERE ticket_no = ?", phone, ticketNo))
                .isEmpty();
        notify(ticketNo, "工单" + ticketNo + "已办结：供水公司已调整加压泵。");
        await("the SMS", () -> !SMS.to(phone, ticketNo).isEmpty());
        await("the outbox row", () -> sent(ticketNo, "SMS:45015") == 1);
        assertThat(WECHAT_API.refusedTo(openid)).hasSize(1);
        assertThat(WECHAT_API.to(openid)).isEmpty();
    }

    @Test
    void aCitizenOutsideTheReplyWindowWithoutAPhoneReadsTheReplyInTheProgressQuery() {
        WECHAT_API.refuse(openid, 45015);
        String ticketNo = complaint("江北区建设路夜间施工噪音扰民");
        notify(ticketNo, "工单" + ticketNo + "已办结：已责令施工方停止夜间施工。");
        await("the outbox row", () -> sent(ticketNo, "PROGRESS:45015") == 1);
        assertThat(WECHAT_API.refusedTo(openid)).hasSize(1);
        assertThat(count(
                        "SELECT MAX(attempts) FROM outbox o JOIN ticket t ON t.id = o.ticket_id WHERE t.ticket_no = ?",
                        ticketNo))
                .isEqualTo(1);
    }
}
