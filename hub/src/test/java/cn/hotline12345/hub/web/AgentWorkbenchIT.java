package cn.hotline12345.hub.web;

import static cn.hotline12345.hub.TestHub.adminToken;
import static cn.hotline12345.hub.TestHub.execute;
import static cn.hotline12345.hub.TestHub.getAs;
import static cn.hotline12345.hub.TestHub.json;
import static cn.hotline12345.hub.TestHub.login;
import static cn.hotline12345.hub.TestHub.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hotline12345.hub.JsonSocket;
import cn.hotline12345.hub.TestHub;
import cn.hotline12345.hub.live.LiveEvents;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The agent workbench (坐席工作台) in a real browser: registering calls with knowledge-base suggestions and 直接答复,
 * the 待分类 and 待派单 queues, live chat with a website visitor, the incoming-call screen-pop, search and the ticket
 * detail, at office and phone sizes.
 */
class AgentWorkbenchIT {

    private static final String WATER = "桂花苑小区停水三天了，自来水一直没有来，家里老人孩子没法生活，请尽快处理";

    private static String username;
    private static String agentToken;

    @BeforeAll
    static void createAgent() {
        username = PortalFixtures.user("AGENT", null, false, "王坐席");
        agentToken = login(username, TestHub.STAFF_PASSWORD);
    }

    private static Browser workbench(org.openqa.selenium.Dimension size) {
        Browser browser = Browser.open(size);
        browser.signIn(username, TestHub.STAFF_PASSWORD);
        assertThat(browser.driver().getCurrentUrl()).contains("/console/agent.html");
        browser.until(d -> "true".equals(browser.script("return document.body.dataset.ready || ''")));
        browser.until(d -> "ready".equals(browser.script("return document.body.dataset.live || ''")));
        return browser;
    }

    private static JsonObject detail(String ticketNo) {
        HttpResponse<String> response = getAs(adminToken(), "/api/v1/tickets/" + ticketNo);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static JsonObject awaitDetail(String ticketNo, Predicate<JsonObject> until) {
        long deadline = System.currentTimeMillis() + 15_000;
        JsonObject detail = detail(ticketNo);
        while (!until.test(detail)) {
            assertThat(System.currentTimeMillis()).as(detail.encode()).isLessThan(deadline);
            sleep(150);
            detail = detail(ticketNo);
        }
        return detail;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String submitWeb(String content, String phone) {
        HttpResponse<String> response = postJson(
                "/api/v1/requests",
                new JsonObject()
                        .put("channel", "web")
                        .put("externalId", "wb-" + UUID.randomUUID())
                        .put("content", content)
                        .put("citizen", new JsonObject().put("name", "张三").put("phone", phone))
                        .encode());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).getString("ticketNo");
    }

    /** No page errors; failed API calls the test provoked (4xx) are the page's business, not errors. */
    private static void assertNoScriptErrors(Browser browser) {
        List<LogEntry> severe = browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e -> !e.getMessage().contains("favicon"))
                .filter(e -> !e.getMessage().matches("(?s).*status of 4\\d\\d.*"))
                .toList();
        assertThat(severe).as("JavaScript errors").isEmpty();
    }

    private static boolean overflows(Browser browser) {
        return (Boolean) browser.script("return document.documentElement.scrollWidth > window.innerWidth");
    }

    @Test
    void anAgentRegistersACallWithKnowledgeBaseHelpAndAnswersAConsultationOnTheSpot() {
        try (Browser browser = workbench(Browser.DESKTOP)) {
            browser.find(By.id("reg-content")).sendKeys("桂花苑小区3幢楼道里的路灯坏了一个星期，晚上很黑");
            browser.click(By.id("reg-submit"));
            WebElement phoneError = browser.find(By.cssSelector("#register label:has(#reg-phone) .field-error"));
            assertThat(phoneError.getText()).containsPattern("[\\u4e00-\\u9fa5]");
            browser.type(By.id("reg-phone"), "13800009999").type(By.id("reg-name"), "赵六");
            new Select(browser.find(By.id("reg-category"))).selectByVisibleText("城乡建设");
            new Select(browser.find(By.id("reg-subcategory"))).selectByVisibleText("市政道路与设施");
            browser.type(By.id("reg-address"), "桂花苑3幢");
            browser.click(By.id("reg-submit"));
            String registered = browser.find(By.id("reg-ticket-no")).getText();
            assertThat(registered).matches("\\d{14}");
            JsonObject ticket = detail(registered);
            assertThat(ticket.getString("category")).isEqualTo("城乡建设");
            assertThat(ticket.getJsonObject("citizen").getString("phone")).isEqualTo("13800009999");
            browser.screenshot("agent-register-done");

            browser.find(By.id("reg-content")).sendKeys("你好，我想问一下公积金怎么提取");
            assertThat(browser.waitForText(By.id("kb-answer"), "公积金").getText()).isNotBlank();
            assertThat(browser.find(By.id("kb-source")).getText()).startsWith("依据：");
            browser.screenshot("agent-register-kb");
            browser.type(By.id("reg-phone"), "13800007777");
            browser.click(By.id("kb-use"));
            assertThat(browser.find(By.id("reg-answer")).getAttribute("value")).isNotBlank();
            assertThat(new Select(browser.find(By.id("reg-type")))
                            .getFirstSelectedOption()
                            .getText())
                    .isEqualTo("咨询");
            browser.click(By.id("reg-answer-submit"));
            browser.waitForText(By.id("reg-ticket-status"), "已办结");
            String answered = browser.find(By.id("reg-ticket-no")).getText();
            assertThat(answered).matches("\\d{14}").isNotEqualTo(registered);
            JsonObject closed = detail(answered);
            assertThat(closed.getString("status")).isEqualTo("CLOSED");
            assertThat(closed.getJsonArray("events").encode()).contains("ANSWER");
            browser.screenshot("agent-register-answered");
            assertNoScriptErrors(browser);
        }
    }

    @Test
    void anAgentCorrectsATriagedTicketAndDispatchesAnUnroutableOne() {
        String triaged = json(postJson(
                        "/api/v1/requests",
                        new JsonObject()
                                .put("channel", "hotline")
                                .put("content", "喂？喂喂，听得到吗")
                                .encode()))
                .getString("ticketNo");
        assertThat(getAs(agentToken, "/api/v1/tickets/triage?limit=200").body()).contains(triaged);

        String unroutable = submitWeb(WATER, "13800138000");
        awaitDetail(unroutable, d -> !d.getString("status").equals("RECEIVED") || d.getBoolean("triage"));
        assertThat(execute(
                        "UPDATE ticket SET status = 'RECEIVED', triage = 0, request_type = '投诉', category = '外星事务',"
                                + " lead_department_id = NULL WHERE ticket_no = ?",
                        unroutable))
                .isEmpty();
        awaitDetail(unroutable, d -> d.getString("status").equals("PENDING_DISPATCH"));

        try (Browser browser = workbench(Browser.DESKTOP)) {
            browser.click(By.id("tab-triage"));
            By item = By.id("triage-" + triaged);
            WebElement li = browser.find(item);
            assertThat(li.getText()).contains("系统建议");
            new Select(li.findElement(By.name("type"))).selectByVisibleText("咨询");
            new Select(li.findElement(By.name("category"))).selectByVisibleText("城乡建设");
            browser.screenshot("agent-triage");
            li.findElement(By.cssSelector("button[type=submit]")).click();
            browser.until(ExpectedConditions.invisibilityOfElementLocated(item));
            JsonObject corrected = detail(triaged);
            assertThat(corrected.getString("type")).isEqualTo("咨询");
            assertThat(corrected.getString("category")).isEqualTo("城乡建设");
            assertThat(corrected.getBoolean("triage")).isFalse();

            browser.click(By.id("tab-dispatch"));
            By pending = By.id("dispatch-" + unroutable);
            WebElement waiting = browser.find(pending);
            waiting.findElement(By.cssSelector(".explain-button")).click();
            assertThat(browser.waitForText(By.cssSelector("#dispatch-" + unroutable + " .routing-explanation"), "责任清单")
                            .getText())
                    .contains("待派单");
            waiting.findElement(By.cssSelector(".dispatch-submit")).click();
            assertThat(browser.find(By.cssSelector("#dispatch-" + unroutable + " .field-error"))
                            .getText())
                    .contains("主办单位");
            new Select(waiting.findElement(By.name("leadDepartmentId"))).selectByVisibleText("青溪县自来水有限公司");
            waiting.findElement(By.name("reason")).sendKeys("责任清单未覆盖，经核实由自来水公司办理");
            browser.screenshot("agent-dispatch");
            waiting.findElement(By.cssSelector(".dispatch-submit")).click();
            browser.until(ExpectedConditions.invisibilityOfElementLocated(pending));
            JsonObject dispatched = detail(unroutable);
            assertThat(dispatched.getString("status")).isEqualTo("DISPATCHED");
            assertThat(dispatched.getJsonObject("lead").getString("name")).isEqualTo("青溪县自来水有限公司");
            assertNoScriptErrors(browser);
        }
    }

    @Test
    void anAgentTakesAVisitorChatRepliesAndMakesATicket() throws Exception {
        try (Browser browser = workbench(Browser.DESKTOP)) {
            browser.click(By.id("tab-chat"));
            String visitor = "wbvisitor" + UUID.randomUUID().toString().replace("-", "");
            JsonSocket citizen = JsonSocket.open("/api/v1/chat/socket?visitor=" + visitor);
            String chatId = citizen.await(e -> "chat-history".equals(e.getString("type")))
                    .getJsonObject("chat")
                    .getString("id");
            citizen.send(new JsonObject().put("type", "message").put("text", "人工"));
            citizen.await(e -> "chat-state".equals(e.getString("type"))
                    && "WAITING".equals(e.getJsonObject("chat").getString("state")));

            By take = By.cssSelector("#chat-queue li[data-chat='" + chatId + "'] button.take");
            browser.find(take);
            browser.screenshot("agent-chat-queue");
            browser.click(take);
            browser.waitForText(By.id("chat-lines"), "为您服务");
            citizen.await(line("system", "为您服务"));

            citizen.send(new JsonObject().put("type", "message").put("text", "桂花苑小区东门路灯坏了一个月，晚上很黑"));
            browser.waitForText(By.id("chat-lines"), "东门路灯");

            WebElement input = browser.find(By.id("chat-text"));
            browser.script("arguments[0].dispatchEvent(new CompositionEvent('compositionstart'))", input);
            input.sendKeys("您好");
            input.sendKeys(Keys.ENTER);
            browser.script("arguments[0].dispatchEvent(new CompositionEvent('compositionend'))", input);
            assertThat(citizen.holds(line("agent", "您好"))).isFalse();
            sleep(500);
            assertThat(citizen.holds(line("agent", "您好"))).isFalse();
            browser.type(By.id("chat-text"), "您好，我已记录，马上为您登记工单");
            browser.find(By.id("chat-text")).sendKeys(Keys.ENTER);
            citizen.await(line("agent", "马上为您登记"));
            browser.waitForText(By.id("chat-lines"), "马上为您登记");
            assertThat(browser.find(By.id("chat-text")).getAttribute("value")).isEmpty();

            browser.click(By.cssSelector("#chat-ticket-box summary"));
            browser.type(By.id("chat-ticket-title"), "桂花苑东门路灯损坏");
            browser.type(By.id("chat-ticket-phone"), "13700001234");
            browser.type(By.id("chat-ticket-address"), "桂花苑小区东门");
            browser.click(By.id("chat-ticket-submit"));
            String ticketNo = browser.find(By.id("chat-ticket-number")).getText();
            assertThat(ticketNo).matches("\\d{14}");
            citizen.await(line("system", ticketNo));
            assertThat(detail(ticketNo).getString("content")).contains("东门路灯");
            browser.screenshot("agent-chat");

            browser.click(By.id("chat-close"));
            browser.waitForText(By.id("chat-state"), "已结束");
            citizen.await(e -> "chat-state".equals(e.getString("type"))
                    && "CLOSED".equals(e.getJsonObject("chat").getString("state")));
            citizen.close();

            browser.click(By.id("chat-ticket-number"));
            WebElement transcript = browser.waitForText(By.id("detail-attachments"), ".txt")
                    .findElement(By.cssSelector("a.attachment"));
            assertThat(transcript.getText()).isEqualTo("chat-" + chatId + ".txt");
            browser.screenshot("agent-chat-ticket-detail");
            JsonObject files = json(getAs(agentToken, "/api/v1/tickets/" + ticketNo + "/attachments"));
            long fileId = files.getJsonArray("items").getJsonObject(0).getLong("id");
            HttpResponse<String> file = getAs(agentToken, "/api/v1/tickets/" + ticketNo + "/attachments/" + fileId);
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Disposition").orElse(""))
                    .startsWith("attachment");
            assertThat(file.body()).contains("东门路灯").contains("马上为您登记");
            assertThat(getAs(TestHub.tokenFor("DEPARTMENT_STAFF", 1L), "/api/v1/tickets/" + ticketNo + "/attachments")
                            .statusCode())
                    .as("a department not handling the ticket does not learn it exists")
                    .isEqualTo(404);
            assertThat(getAs(agentToken, "/api/v1/tickets/19990101000001/attachments")
                            .statusCode())
                    .isEqualTo(404);
            assertThat(getAs(agentToken, "/api/v1/tickets/" + ticketNo + "/attachments/999999999")
                            .statusCode())
                    .isEqualTo(404);
            assertNoScriptErrors(browser);
        }
    }

    @Test
    void aScreenPopShowsTheCallersHistoryAndStartsARegistrationThatSearchFinds() throws Exception {
        String phone = "1391" + String.valueOf(System.nanoTime()).substring(5, 12);
        String earlier = submitWeb("小区门口垃圾桶满了没人清理，气味很大", phone);
        JsonObject history = json(getAs(agentToken, "/api/v1/citizens?phone=" + phone));
        assertThat(history.encode()).contains(earlier);
        String callId = "wb-call-" + UUID.randomUUID();

        try (Browser browser = workbench(Browser.DESKTOP)) {
            publish(
                    "user:" + username,
                    new JsonObject()
                            .put("type", "screen-pop")
                            .put("callId", callId)
                            .put("caller", phone)
                            .put("extension", "8001")
                            .put("answeredAt", "2026-12-02T02:00:00Z")
                            .put("history", history));
            WebElement pop = browser.find(By.id("screen-pop"));
            assertThat(browser.find(By.id("screen-pop-caller")).getText()).isEqualTo(phone);
            assertThat(pop.getText()).contains(earlier).contains("未核验同号码");
            browser.screenshot("agent-screen-pop");

            browser.click(By.id("screen-pop-register"));
            assertThat(browser.find(By.id("reg-phone")).getAttribute("value")).isEqualTo(phone);
            assertThat(browser.find(By.id("reg-callId")).getAttribute("value")).isEqualTo(callId);
            browser.find(By.id("reg-content")).sendKeys("上次反映的垃圾桶问题还是没有解决，垃圾堆到路边了");
            browser.click(By.id("reg-submit"));
            String ticketNo = browser.find(By.id("reg-ticket-no")).getText();
            assertThat(ticketNo).matches("\\d{14}");

            browser.click(By.id("tab-search"));
            browser.type(By.id("search-q"), ticketNo);
            browser.click(By.id("search-submit"));
            By row = By.cssSelector("#search-results tr[data-ticket='" + ticketNo + "'] button.open-ticket");
            browser.find(row);
            browser.screenshot("agent-search");
            browser.click(row);
            browser.waitForText(By.id("detail-timeline"), "受理");
            assertThat(browser.find(By.id("detail-content")).getText()).contains("垃圾桶");
            browser.screenshot("agent-ticket-detail");
            awaitDetail(ticketNo, d -> d.getString("status").equals("DISPATCHED"));
            browser.click(By.id("detail-close")).click(row);
            new Select(browser.find(By.id("detail-action-kind"))).selectByVisibleText("办理记录");
            browser.click(By.id("detail-action-submit"));
            assertThat(browser.find(By.cssSelector("#detail-action .field-error"))
                            .getText())
                    .contains("记录内容");
            browser.type(By.id("detail-note"), "已电话告知市民工单已派至承办单位");
            browser.click(By.id("detail-action-submit"));
            browser.waitForText(By.id("detail-timeline"), "办理记录");
            assertThat(detail(ticketNo).getJsonArray("events").encode()).contains("NOTE");
            browser.find(By.id("detail-close")).sendKeys(Keys.ESCAPE);
            browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("ticket-detail")));

            browser.type(By.id("search-q"), "垃圾桶");
            new Select(browser.find(By.id("search-channel"))).selectByVisibleText("网友留言");
            browser.click(By.id("search-submit"));
            browser.find(By.cssSelector("#search-results tr[data-ticket='" + earlier + "']"));
            assertThat(browser.all(By.cssSelector("#search-results tr[data-ticket='" + ticketNo + "']")))
                    .isEmpty();
            assertNoScriptErrors(browser);
        }
    }

    @Test
    void theWorkbenchFitsAPhone() throws Exception {
        try (Browser browser = workbench(Browser.PHONE)) {
            assertThat(overflows(browser)).isFalse();
            publish(
                    "user:" + username,
                    new JsonObject()
                            .put("type", "screen-pop")
                            .put("callId", "wb-phone-" + UUID.randomUUID())
                            .put("caller", "13800138000")
                            .put("history", json(getAs(agentToken, "/api/v1/citizens?phone=13800138000"))));
            browser.find(By.id("screen-pop"));
            assertThat(overflows(browser)).isFalse();
            browser.screenshot("agent-screen-pop-phone");
            browser.click(By.id("screen-pop-close"));
            browser.find(By.id("reg-content")).sendKeys("请问公积金怎么提取");
            browser.waitForText(By.id("kb-answer"), "公积金");
            assertThat(overflows(browser)).isFalse();
            browser.screenshot("agent-register-phone");
            for (String tab : List.of("triage", "dispatch", "chat", "search")) {
                browser.click(By.id("tab-" + tab));
                browser.find(By.id("panel-" + tab));
                assertThat(overflows(browser)).as(tab).isFalse();
            }
            browser.click(By.id("search-submit"));
            browser.find(By.cssSelector("#search-results tbody tr"));
            assertThat(overflows(browser)).isFalse();
            browser.screenshot("agent-search-phone");
            assertNoScriptErrors(browser);
        }
    }

    private static void publish(String audience, JsonObject event) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            new LiveEvents(
                            RedisAPI.api(Redis.createClient(vertx, TestHub.get().redisUri())),
                            TestHub.get().config().redisKeyPrefix())
                    .publish(audience, event)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static Predicate<JsonObject> line(String from, String containing) {
        return e -> "chat-line".equals(e.getString("type"))
                && from.equals(e.getJsonObject("line").getString("from"))
                && e.getJsonObject("line").getString("text").contains(containing);
    }
}
