package cn.hotline12345.hub.chat;

import static cn.hotline12345.hub.TestHub.count;
import static cn.hotline12345.hub.TestHub.getAs;
import static cn.hotline12345.hub.TestHub.json;
import static cn.hotline12345.hub.TestHub.postJson;
import static cn.hotline12345.hub.TestHub.send;
import static cn.hotline12345.hub.TestHub.sendAs;
import static cn.hotline12345.hub.TestHub.tokenFor;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hotline12345.hub.Hub;
import cn.hotline12345.hub.JsonSocket;
import cn.hotline12345.hub.TestHub;
import cn.hotline12345.hub.WeChatFollower;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Live chat across two hubs sharing MariaDB and Redis: the citizen chats on one, the agent works on the other, the
 * citizen reconnects to the other hub and finds the conversation, and the transcript ends up on the ticket.
 */
class ChatIT {

    private static Predicate<JsonObject> line(String from, String containing) {
        return e -> "chat-line".equals(e.getString("type"))
                && from.equals(e.getJsonObject("line").getString("from"))
                && e.getJsonObject("line").getString("text").contains(containing);
    }

    private static HttpResponse<String> call(String base, String token, String method, String path, JsonObject body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body == null ? "{}" : body.encode())));
    }

    @Test
    void theBotHandsOverToAnAgentOnAnotherHubAndTheTranscriptReachesTheTicket() throws Exception {
        Hub first = TestHub.get();
        try (Hub second = Hub.start(
                TestHub.config(TestHub.dataDir("chat-second"), first.config().redisKeyPrefix())
                        .withServers(Optional.of(first.mysqlUri()), Optional.of(first.redisUri())))) {
            String secondHttp = "http://127.0.0.1:" + second.httpPort();

            String code = "chat-" + UUID.randomUUID().toString().substring(0, 8);
            String citizenToken = json(postJson(
                            "/api/v1/miniprogram/login",
                            new JsonObject().put("code", code).encode()))
                    .getString("token");
            JsonSocket citizen = JsonSocket.open(first.httpPort(), "/api/v1/miniprogram/chat?token=" + citizenToken);
            JsonObject history = citizen.await(e -> "chat-history".equals(e.getString("type")));
            String chatId = history.getJsonObject("chat").getString("id");
            assertThat(history.getJsonObject("chat").getString("state")).isEqualTo("BOT");
            assertThat(history.getJsonArray("lines").getJsonObject(0).getString("from"))
                    .isEqualTo("bot");

            String agentToken = tokenFor("AGENT", null);
            JsonSocket agent = JsonSocket.open(second.httpPort(), "/api/v1/live?token=" + agentToken);
            agent.await(e -> "hello".equals(e.getString("type")));

            citizen.send(new JsonObject().put("type", "message").put("text", "我要转人工"));
            citizen.await(e -> "chat-state".equals(e.getString("type"))
                    && "WAITING".equals(e.getJsonObject("chat").getString("state")));
            agent.await(e -> "chat-queue".equals(e.getString("type")));
            JsonArray queue = json(call(secondHttp, agentToken, "GET", "/api/v1/chats/queue", null))
                    .getJsonArray("items");
            assertThat(queue.stream().map(i -> ((JsonObject) i).getString("id")))
                    .contains(chatId);

            HttpResponse<String> taken =
                    call(secondHttp, agentToken, "POST", "/api/v1/chats/" + chatId + "/take", null);
            assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
            String otherAgent = tokenFor("AGENT", null);
            assertThat(call(secondHttp, otherAgent, "POST", "/api/v1/chats/" + chatId + "/take", null)
                            .statusCode())
                    .isEqualTo(409);
            citizen.await(line("system", "为您服务"));

            assertThat(call(
                                    secondHttp,
                                    agentToken,
                                    "POST",
                                    "/api/v1/chats/" + chatId + "/messages",
                                    new JsonObject().put("text", "您好，请问遇到什么问题？"))
                            .statusCode())
                    .isEqualTo(204);
            citizen.await(line("agent", "遇到什么问题"));
            assertThat(call(
                                    secondHttp,
                                    otherAgent,
                                    "POST",
                                    "/api/v1/chats/" + chatId + "/messages",
                                    new JsonObject().put("text", "插话"))
                            .statusCode())
                    .isEqualTo(403);

            citizen.send(new JsonObject().put("type", "message").put("text", "桂花苑小区东门路灯坏了一个月，晚上很黑"));
            agent.await(e -> "chat-line".equals(e.getString("type"))
                    && e.getString("chatId").equals(chatId)
                    && e.getJsonObject("line").getString("text").contains("路灯"));

            citizen.send(new JsonObject().put("type", "shout"));
            assertThat(citizen.await(e -> "error".equals(e.getString("type"))).getString("detail"))
                    .contains("不支持");
            citizen.sendText("not json");
            citizen.await(e -> "error".equals(e.getString("type")));
            citizen.close();

            JsonSocket again = JsonSocket.open(second.httpPort(), "/api/v1/miniprogram/chat?token=" + citizenToken);
            JsonObject resumedHistory = again.await(e -> "chat-history".equals(e.getString("type")));
            assertThat(resumedHistory.getJsonObject("chat").getString("id")).isEqualTo(chatId);
            assertThat(resumedHistory.getJsonObject("chat").getString("state")).isEqualTo("AGENT");
            assertThat(resumedHistory.getJsonArray("lines").encode())
                    .contains("路灯坏了")
                    .contains("遇到什么问题");

            HttpResponse<String> ticket = call(
                    secondHttp,
                    agentToken,
                    "POST",
                    "/api/v1/chats/" + chatId + "/ticket",
                    new JsonObject().put("title", "桂花苑小区东门路灯不亮").put("phone", "13900002222"));
            assertThat(ticket.statusCode()).as(ticket.body()).isEqualTo(201);
            String ticketNo = json(ticket).getString("ticketNo");
            again.await(line("system", ticketNo));
            assertThat(json(call(secondHttp, agentToken, "POST", "/api/v1/chats/" + chatId + "/ticket", null))
                            .getString("ticketNo"))
                    .isEqualTo(ticketNo);
            assertThat(count(
                            "SELECT COUNT(*) FROM ticket WHERE ticket_no = ? AND channel = 'miniprogram'"
                                    + " AND content LIKE '%路灯坏了%' AND reply_to = ?",
                            ticketNo, "oMini-" + code))
                    .isEqualTo(1);

            HttpResponse<String> closed =
                    call(secondHttp, agentToken, "POST", "/api/v1/chats/" + chatId + "/close", null);
            assertThat(closed.statusCode()).isEqualTo(200);
            again.await(e -> "chat-state".equals(e.getString("type"))
                    && "CLOSED".equals(e.getJsonObject("chat").getString("state")));
            assertThat(count(
                            "SELECT COUNT(*) FROM chat_session s JOIN ticket t ON t.id = s.ticket_id"
                                    + " WHERE s.id = ? AND t.ticket_no = ? AND s.transcript LIKE '%路灯%'",
                            chatId, ticketNo))
                    .isEqualTo(1);
            assertThat(count(
                            "SELECT COUNT(*) FROM ticket_attachment a JOIN ticket t ON t.id = a.ticket_id"
                                    + " WHERE t.ticket_no = ? AND a.kind = 'TRANSCRIPT'",
                            ticketNo))
                    .isGreaterThanOrEqualTo(1);
            assertThat(call(
                                    secondHttp,
                                    agentToken,
                                    "POST",
                                    "/api/v1/chats/" + chatId + "/messages",
                                    new JsonObject().put("text", "还在吗"))
                            .statusCode())
                    .isEqualTo(409);
            again.close();
            agent.close();
        }
    }

    @Test
    void anOfficialAccountFollowerAskingForAPersonIsServedByAnAgentThroughCustomerServiceMessages() throws Exception {
        String openid = "oFollower" + UUID.randomUUID().toString().substring(0, 8);
        String agentToken = tokenFor("AGENT", null);
        try (JsonSocket agent = JsonSocket.open("/api/v1/live?token=" + agentToken)) {
            agent.await(e -> "hello".equals(e.getString("type")));
            HttpResponse<String> receipt = WeChatFollower.says(openid, "人工 桂花苑小区东门路灯坏了一个月，晚上很黑");
            assertThat(receipt.body()).contains("工单号").contains("转接人工客服");
            agent.await(e -> "chat-queue".equals(e.getString("type")));
            JsonObject waiting = json(getAs(agentToken, "/api/v1/chats/queue")).getJsonArray("items").stream()
                    .map(JsonObject.class::cast)
                    .filter(c -> "wechat".equals(c.getString("channel")) && c.getString("ticketNo") != null)
                    .reduce((a, b) -> b)
                    .orElseThrow();
            String chatId = waiting.getString("id");
            String ticketNo = waiting.getString("ticketNo");
            assertThat(receipt.body()).contains(ticketNo);

            assertThat(sendAs(agentToken, "POST", "/api/v1/chats/" + chatId + "/take", new JsonObject())
                            .statusCode())
                    .isEqualTo(200);
            assertThat(sendAs(
                                    agentToken,
                                    "POST",
                                    "/api/v1/chats/" + chatId + "/messages",
                                    new JsonObject().put("text", "您好，请问路灯具体在几号楼附近？"))
                            .statusCode())
                    .isEqualTo(204);
            long until = System.currentTimeMillis() + 10_000;
            while (TestHub.WECHAT_API.to(openid).stream()
                    .noneMatch(m -> m.getString("content").contains("几号楼"))) {
                assertThat(System.currentTimeMillis()).isLessThan(until);
                Thread.sleep(100);
            }
            assertThat(TestHub.WECHAT_API.to(openid).get(0).getString("content"))
                    .contains("为您服务");

            HttpResponse<String> answer = WeChatFollower.says(openid, "在3号楼和5号楼之间");
            assertThat(answer.body()).isEqualTo("success");
            agent.await(e -> "chat-line".equals(e.getString("type"))
                    && e.getJsonObject("line").getString("text").contains("3号楼"));

            assertThat(sendAs(agentToken, "POST", "/api/v1/chats/" + chatId + "/close", new JsonObject())
                            .statusCode())
                    .isEqualTo(200);
            assertThat(count(
                            "SELECT COUNT(*) FROM ticket_attachment a JOIN ticket t ON t.id = a.ticket_id"
                                    + " WHERE t.ticket_no = ? AND a.kind = 'TRANSCRIPT'",
                            ticketNo))
                    .isEqualTo(1);
            assertThat(WeChatFollower.says(openid, "社保卡丢了怎么补办").body()).doesNotContain("success");
        }
    }

    @Test
    void aWebVisitorChatsWithTheBotAndBadRequestsAreProblems() throws Exception {
        JsonSocket visitor = JsonSocket.open(
                "/api/v1/chat/socket?visitor=" + UUID.randomUUID().toString().replace("-", ""));
        String chatId = visitor.await(e -> "chat-history".equals(e.getString("type")))
                .getJsonObject("chat")
                .getString("id");
        visitor.send(new JsonObject().put("type", "message").put("text", "啊啊啊啊啊啊"));
        visitor.await(line("bot", "抱歉"));
        visitor.send(new JsonObject().put("type", "message").put("text", "呜呜呜呜呜呜"));
        visitor.await(e -> "chat-state".equals(e.getString("type"))
                && "WAITING".equals(e.getJsonObject("chat").getString("state")));
        visitor.send(new JsonObject().put("type", "message").put("text", "x".repeat(ChatService.MAX_LINE + 1)));
        visitor.await(e -> "error".equals(e.getString("type")));
        visitor.send(new JsonObject().put("type", "close"));
        visitor.await(e -> "chat-state".equals(e.getString("type"))
                && "CLOSED".equals(e.getJsonObject("chat").getString("state")));
        visitor.close();

        String agent = tokenFor("AGENT", null);
        assertThat(TestHub.getAs(agent, "/api/v1/chats/" + chatId).statusCode()).isEqualTo(200);
        assertThat(TestHub.getAs(agent, "/api/v1/chats/nope").statusCode()).isEqualTo(404);
        assertThat(TestHub.get("/api/v1/chat/socket?visitor=short").statusCode())
                .isEqualTo(400);
        assertThat(TestHub.get("/api/v1/chat/socket?visitor=" + "a".repeat(20)).statusCode())
                .isEqualTo(400);
        assertThat(TestHub.get("/api/v1/miniprogram/chat?token=nope").statusCode())
                .isEqualTo(400);
        assertThat(TestHub.getAs(tokenFor("DEPARTMENT_STAFF", 1L), "/api/v1/chats/queue")
                        .statusCode())
                .isEqualTo(403);
    }
}
