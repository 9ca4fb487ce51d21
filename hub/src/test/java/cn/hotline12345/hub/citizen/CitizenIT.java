package cn.hotline12345.hub.citizen;

import static cn.hotline12345.hub.TestHub.count;
import static cn.hotline12345.hub.TestHub.getAs;
import static cn.hotline12345.hub.TestHub.json;
import static cn.hotline12345.hub.TestHub.postJson;
import static cn.hotline12345.hub.TestHub.sendAs;
import static cn.hotline12345.hub.TestHub.tokenFor;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hotline12345.hub.WeChatFollower;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** One citizen across channels: verified ids link automatically, phones typed into forms do not, agents merge and split. */
class CitizenIT {

    private static String wechatComplaint(String openid, String content) throws Exception {
        HttpResponse<String> reply = WeChatFollower.says(openid, "投诉 " + content);
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        Matcher number = Pattern.compile("工单号：([0-9]{14})").matcher(reply.body());
        assertThat(number.find()).as(reply.body()).isTrue();
        return number.group(1);
    }

    private static String webRequest(String phone) {
        HttpResponse<String> created = postJson(
                "/api/v1/requests",
                new JsonObject()
                        .put("channel", "web")
                        .put("content", "和平路菜市场门口占道经营严重，早上七点到九点车辆无法通行，请城管处理。")
                        .put("citizen", new JsonObject().put("name", "张先生").put("phone", phone))
                        .encode());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).getString("ticketNo");
    }

    private static List<String> ticketNos(JsonArray tickets) {
        return tickets.stream().map(t -> ((JsonObject) t).getString("ticketNo")).toList();
    }

    @Test
    void verifiedIdsLinkAutomaticallyAndAgentsMergeAndSplitWithAudit() throws Exception {
        String agent = tokenFor("AGENT", null);
        String openid = "oCitizen" + UUID.randomUUID().toString().substring(0, 8);
        String phone = "139" + String.valueOf(System.nanoTime()).substring(5, 13);

        String first = wechatComplaint(openid, "桂花苑小区东门路灯坏了一个月没人修");
        String second = wechatComplaint(openid, "桂花苑小区垃圾站三天没有清运");
        JsonObject byOpenid = json(getAs(agent, "/api/v1/citizens?openid=" + openid));
        long citizenId = byOpenid.getJsonObject("citizen").getLong("id");
        assertThat(ticketNos(byOpenid.getJsonArray("tickets"))).containsExactlyInAnyOrder(first, second);
        assertThat(byOpenid.getJsonObject("citizen")
                        .getJsonArray("identities")
                        .getJsonObject(0)
                        .getString("kind"))
                .isEqualTo("WECHAT_OPENID");
        assertThat(count("SELECT COUNT(*) FROM ticket WHERE ticket_no = ? AND reply_to = ?", first, openid))
                .isEqualTo(1);

        String web = webRequest(phone);
        String webAgain = webRequest(phone);
        JsonObject byPhone = json(getAs(agent, "/api/v1/citizens?phone=" + phone));
        assertThat(byPhone.getValue("citizen")).as("a typed phone links nobody").isNull();
        assertThat(ticketNos(byPhone.getJsonArray("unverifiedTickets"))).containsExactlyInAnyOrder(web, webAgain);
        long webCitizen = byPhone.getJsonArray("unverifiedTickets").stream()
                .map(JsonObject.class::cast)
                .filter(t -> t.getString("ticketNo").equals(web))
                .findFirst()
                .orElseThrow()
                .getLong("citizenId");
        assertThat(count("SELECT COUNT(DISTINCT citizen_id) FROM ticket WHERE citizen_phone = ?", phone))
                .isEqualTo(2);

        HttpResponse<String> linked = sendAs(
                agent,
                "POST",
                "/api/v1/citizens/" + citizenId + "/identities",
                new JsonObject().put("kind", "PHONE").put("value", phone).put("reason", "来电核实本人手机号"));
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(201);
        JsonObject viaPhone = json(getAs(agent, "/api/v1/citizens?phone=" + phone));
        assertThat(viaPhone.getJsonObject("citizen").getLong("id")).isEqualTo(citizenId);
        assertThat(ticketNos(viaPhone.getJsonArray("unverifiedTickets"))).contains(web, webAgain);

        HttpResponse<String> taken = sendAs(
                agent,
                "POST",
                "/api/v1/citizens/" + webCitizen + "/identities",
                new JsonObject().put("kind", "PHONE").put("value", phone).put("reason", "核实"));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(json(taken).getLong("citizenId")).isEqualTo(citizenId);

        HttpResponse<String> merged = sendAs(
                agent,
                "POST",
                "/api/v1/citizens/" + citizenId + "/merge",
                new JsonObject().put("sourceId", webCitizen).put("reason", "同一人，来电核实"));
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        assertThat(ticketNos(json(merged).getJsonArray("tickets"))).contains(first, second, web);
        assertThat(json(getAs(agent, "/api/v1/citizens/" + webCitizen))
                        .getJsonObject("citizen")
                        .getLong("id"))
                .as("a merged citizen answers with the survivor")
                .isEqualTo(citizenId);
        assertThat(count(
                        "SELECT COUNT(*) FROM audit_log WHERE action = 'CITIZEN_MERGE' AND target_id = ?",
                        String.valueOf(citizenId)))
                .isEqualTo(1);

        HttpResponse<String> split = sendAs(
                agent,
                "POST",
                "/api/v1/citizens/" + citizenId + "/split",
                new JsonObject().put("ticketNos", new JsonArray().add(web)).put("reason", "号码被他人借用"));
        assertThat(split.statusCode()).as(split.body()).isEqualTo(201);
        JsonObject separated = json(split);
        assertThat(ticketNos(separated.getJsonArray("tickets"))).containsExactly(web);
        assertThat(separated.getJsonObject("citizen").getString("phone")).isEqualTo(phone);
        assertThat(ticketNos(json(getAs(agent, "/api/v1/citizens/" + citizenId)).getJsonArray("tickets")))
                .doesNotContain(web)
                .contains(first, second);
        assertThat(count(
                        "SELECT COUNT(*) FROM audit_log WHERE action = 'CITIZEN_SPLIT' AND target_id = ?",
                        String.valueOf(citizenId)))
                .isEqualTo(1);
    }

    @Test
    void aPersonsPhoneAndWeChatIdsResolveToOneHistory() throws Exception {
        String agent = tokenFor("AGENT", null);
        String person = "u-" + UUID.randomUUID().toString().substring(0, 8);
        String phone = "139" + String.valueOf(System.nanoTime()).substring(5, 13);

        String earlier = webRequest(phone);
        JsonObject byPhone = json(getAs(agent, "/api/v1/citizens?phone=" + phone));
        long earlierCitizen =
                byPhone.getJsonArray("unverifiedTickets").getJsonObject(0).getLong("citizenId");
        assertThat(sendAs(
                                agent,
                                "POST",
                                "/api/v1/citizens/" + earlierCitizen + "/identities",
                                new JsonObject()
                                        .put("kind", "PHONE")
                                        .put("value", phone)
                                        .put("reason", "来电号码"))
                        .statusCode())
                .isEqualTo(201);

        String viaAccount = wechatComplaint("oU-" + person, "桂花苑小区东门路灯坏了一个月没人修");
        String token = json(postJson(
                        "/api/v1/miniprogram/login",
                        new JsonObject().put("code", person).encode()))
                .getString("token");
        HttpResponse<String> viaMiniProgram =
                sendAs(token, "POST", "/api/v1/miniprogram/phone", new JsonObject().put("code", "phone-" + phone));
        assertThat(viaMiniProgram.statusCode()).as(viaMiniProgram.body()).isEqualTo(200);
        assertThat(json(viaMiniProgram).getString("phone")).contains("****");

        JsonObject history = json(getAs(agent, "/api/v1/citizens?phone=" + phone));
        long citizenId = history.getJsonObject("citizen").getLong("id");
        assertThat(ticketNos(history.getJsonArray("tickets"))).contains(earlier, viaAccount);
        assertThat(history.getJsonObject("citizen").getJsonArray("identities").encode())
                .contains("WECHAT_OPENID", "WECHAT_UNIONID", "MINIPROGRAM_OPENID", "PHONE");
        assertThat(json(getAs(agent, "/api/v1/citizens?openid=oU-" + person))
                        .getJsonObject("citizen")
                        .getLong("id"))
                .isEqualTo(citizenId);
        assertThat(json(getAs(agent, "/api/v1/citizens?miniOpenid=oMini-" + person))
                        .getJsonObject("citizen")
                        .getLong("id"))
                .isEqualTo(citizenId);
        assertThat(count(
                        "SELECT COUNT(*) FROM audit_log WHERE action = 'CITIZEN_MERGE' AND actor = 'channel:miniprogram'"
                                + " AND target_id = ?",
                        String.valueOf(citizenId)))
                .isGreaterThanOrEqualTo(1);

        HttpResponse<String> badCode =
                sendAs(token, "POST", "/api/v1/miniprogram/phone", new JsonObject().put("code", "nonsense"));
        assertThat(badCode.statusCode()).isEqualTo(400);
        assertThat(json(badCode).getString("field")).isEqualTo("code");
    }

    @Test
    void badLookupsAndCorrectionsAreClearProblems() {
        String agent = tokenFor("AGENT", null);
        HttpResponse<String> two = getAs(agent, "/api/v1/citizens?phone=13900000000&openid=x");
        assertThat(two.statusCode()).isEqualTo(400);
        assertThat(two.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(getAs(agent, "/api/v1/citizens?phone=abc")).getString("field"))
                .isEqualTo("phone");
        assertThat(getAs(agent, "/api/v1/citizens?openid=nobody").statusCode()).isEqualTo(404);
        assertThat(getAs(agent, "/api/v1/citizens/abc").statusCode()).isEqualTo(404);
        assertThat(getAs(agent, "/api/v1/citizens/999999999").statusCode()).isEqualTo(404);
        HttpResponse<String> self = sendAs(
                agent,
                "POST",
                "/api/v1/citizens/1/merge",
                new JsonObject().put("sourceId", 1).put("reason", "x"));
        assertThat(self.statusCode()).isIn(400, 404);
        HttpResponse<String> nothing =
                sendAs(agent, "POST", "/api/v1/citizens/1/split", new JsonObject().put("reason", "x"));
        assertThat(json(nothing).getString("field")).isEqualTo("identityIds");
        HttpResponse<String> kind = sendAs(
                agent,
                "POST",
                "/api/v1/citizens/1/identities",
                new JsonObject().put("kind", "EMAIL").put("value", "a@b.c").put("reason", "x"));
        assertThat(json(kind).getString("field")).isEqualTo("kind");
        assertThat(getAs(tokenFor("DEPARTMENT_STAFF", 1L), "/api/v1/citizens?phone=13900000000")
                        .statusCode())
                .isEqualTo(403);
    }
}
