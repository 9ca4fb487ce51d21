package cn.hotline12345.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hotline12345.hub.TestHub;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * One ticket's whole path through every console in a real browser — the citizen's web message, the agent, the
 * department's reply, the centre's review, the citizen's rating — and a chat handed from the bot to an agent, with
 * both sides in their own browser.
 */
class WholePathIT {

    private static String status(String ticketNo) {
        return PortalFixtures.detail(ticketNo).getString("status");
    }

    private static void awaitStatus(String ticketNo, String wanted) {
        long until = System.currentTimeMillis() + 20_000;
        while (!wanted.equals(status(ticketNo))) {
            assertThat(System.currentTimeMillis())
                    .as("ticket %s to reach %s", ticketNo, wanted)
                    .isLessThan(until);
            PortalFixtures.sleep(200);
        }
    }

    @Test
    void aWebMessageGoesFromTheCitizenThroughAgentDepartmentAndReviewBackToTheCitizensRating() {
        CitizenTickets.clearRateLimit();
        String phone = CitizenTickets.freshPhone();
        String marker = UUID.randomUUID().toString().substring(0, 6);
        String ticketNo;
        try (Browser citizen = Browser.open(Browser.PHONE)) {
            citizen.go("/citizen/message.html");
            citizen.type(By.name("title"), "桂花苑小区停水 " + marker);
            citizen.type(By.name("content"), "桂花苑小区从昨天早上开始停水，到现在自来水还没有来，家里老人孩子没法生活，请尽快处理。");
            citizen.type(By.name("name"), "王女士");
            citizen.type(By.name("phone"), phone);
            citizen.click(By.id("publicConsent"));
            citizen.screenshot("path-1-citizen-form");
            citizen.click(By.id("submit"));
            ticketNo = citizen.find(By.id("ticket-no")).getText().strip();
            citizen.screenshot("path-2-citizen-submitted");
        }
        assertThat(ticketNo).matches("[0-9]{14}");

        long until = System.currentTimeMillis() + 20_000;
        while (status(ticketNo).equals("RECEIVED")
                && !PortalFixtures.detail(ticketNo).getBoolean("triage", false)) {
            assertThat(System.currentTimeMillis()).isLessThan(until);
            PortalFixtures.sleep(200);
        }
        long water = PortalFixtures.department("WATER");
        String agent = PortalFixtures.user("AGENT", null, false, "坐席小李");
        try (Browser desk = Browser.open(Browser.DESKTOP)) {
            desk.signIn(agent, TestHub.STAFF_PASSWORD);
            desk.find(By.cssSelector("body[data-ready=true]"));
            JsonObject ticket = PortalFixtures.detail(ticketNo);
            if (ticket.getBoolean("triage", false)) {
                desk.click(By.id("tab-triage"));
                desk.find(By.id("triage-" + ticketNo));
                desk.script(
                        "const f = document.querySelector('#triage-' + arguments[0] + ' form');"
                                + "for (const name of ['type', 'category']) {"
                                + "  const s = f.querySelector('[name=' + name + ']');"
                                + "  if (!s.value) { s.selectedIndex = 1; s.dispatchEvent(new Event('change')); }"
                                + "}",
                        ticketNo);
                desk.screenshot("path-3-agent-triage");
                desk.click(By.cssSelector("#triage-" + ticketNo + " button[type=submit]"));
                long classified = System.currentTimeMillis() + 20_000;
                while (PortalFixtures.detail(ticketNo).getBoolean("triage", false)
                        || status(ticketNo).equals("RECEIVED")) {
                    assertThat(System.currentTimeMillis()).isLessThan(classified);
                    PortalFixtures.sleep(200);
                }
            }
            if (status(ticketNo).equals("PENDING_DISPATCH")) {
                desk.click(By.id("tab-dispatch"));
                desk.find(By.id("dispatch-" + ticketNo));
                desk.script(
                        "document.querySelector('#dispatch-' + arguments[0] + ' [name=leadDepartmentId]').value = arguments[1];",
                        ticketNo,
                        String.valueOf(water));
                desk.click(By.cssSelector("#dispatch-" + ticketNo + " .dispatch-submit"));
            }
            desk.click(By.id("tab-search"));
            desk.type(By.id("search-q"), ticketNo);
            desk.click(By.id("search-submit"));
            desk.click(By.cssSelector("tr[data-ticket='" + ticketNo + "'] button.open-ticket"));
            desk.waitForText(By.id("ticket-detail"), ticketNo);
            desk.screenshot("path-3-agent-ticket");
        }
        awaitStatus(ticketNo, "DISPATCHED");
        long lead = PortalFixtures.detail(ticketNo).getJsonObject("lead").getLong("id");

        String staff = PortalFixtures.user("DEPARTMENT_STAFF", lead, false, "承办人老周");
        try (Browser department = Browser.open(Browser.DESKTOP)) {
            department.signIn(staff, TestHub.STAFF_PASSWORD);
            department.click(By.cssSelector(".inbox-item[data-ticket-no='" + ticketNo + "']"));
            department.screenshot("path-4-department-inbox");
            department.click(By.id("accept"));
            department.find(By.id("reply-content"));
            department.type(By.id("reply-content"), "经核查，桂花苑小区停水系主管道爆裂所致，已于今日14时抢修完毕并恢复供水。");
            department.click(By.cssSelector("#reply-form button[type=submit]"));
            awaitStatus(ticketNo, "REPLIED");
            department.screenshot("path-5-department-replied");
        }

        String supervisor = PortalFixtures.user("SUPERVISOR", null, false, "督办员小陈");
        try (Browser centre = Browser.open(Browser.DESKTOP)) {
            centre.signIn(supervisor, TestHub.STAFF_PASSWORD);
            centre.click(By.id("tab-review"));
            centre.click(By.cssSelector("#queue tr[data-ticket-no='" + ticketNo + "'] button.open-ticket"));
            centre.click(By.cssSelector("#approve-form button[type=submit]"));
            awaitStatus(ticketNo, "FOLLOW_UP");
            centre.screenshot("path-6-supervisor-approved");
        }

        try (Browser citizen = Browser.open(Browser.PHONE)) {
            citizen.go("/citizen/progress.html?ticketNo=" + ticketNo);
            citizen.type(By.name("phone"), phone);
            citizen.find(By.name("phone")).sendKeys(Keys.ENTER);
            citizen.waitForText(By.id("reply-text"), "恢复供水");
            citizen.click(By.id("resolved-yes"));
            citizen.click(By.id("satisfaction-SATISFIED"));
            citizen.screenshot("path-7-citizen-rating");
            citizen.click(By.id("rate"));
            awaitStatus(ticketNo, "CLOSED");
            citizen.screenshot("path-8-citizen-closed");
        }
        JsonObject closed = PortalFixtures.detail(ticketNo);
        assertThat(closed.getString("satisfaction")).isEqualTo("SATISFIED");
    }

    @Test
    void aCitizenChatIsHandedFromTheBotToAnAgentInTheWorkbench() {
        String agent = PortalFixtures.user("AGENT", null, false, "坐席小王");
        try (Browser citizen = Browser.open(Browser.PHONE);
                Browser desk = Browser.open(Browser.DESKTOP)) {
            desk.signIn(agent, TestHub.STAFF_PASSWORD);
            desk.find(By.cssSelector("body[data-live=ready]"));
            desk.click(By.id("tab-chat"));

            citizen.go("/citizen/chat.html");
            citizen.find(By.cssSelector("#chat-log .line.bot"));
            citizen.type(By.id("chat-input"), "社保卡丢了怎么补办");
            citizen.click(By.id("chat-send"));
            citizen.find(By.cssSelector("#chat-log .line.citizen"));
            citizen.click(By.id("chat-person"));
            citizen.waitForText(By.id("chat-state"), "排队");
            String chatId = citizen.find(By.id("chat")).getAttribute("data-chat-id");
            citizen.screenshot("chat-1-citizen-waiting");

            desk.click(By.cssSelector("#chat-queue li[data-chat='" + chatId + "'] button.take"));
            citizen.waitForText(By.id("chat-log"), "为您服务");
            desk.type(By.id("chat-text"), "您好，补办社保卡请带身份证到县政务服务中心社保窗口办理。");
            desk.find(By.id("chat-text")).sendKeys(Keys.ENTER);
            citizen.waitForText(By.cssSelector("#chat-log"), "政务服务中心社保窗口");
            citizen.type(By.id("chat-input"), "好的，谢谢");
            citizen.click(By.id("chat-send"));
            desk.waitForText(By.id("chat-lines"), "好的，谢谢");
            desk.screenshot("chat-2-agent-chatting");
            citizen.screenshot("chat-3-citizen-served");
            desk.click(By.id("chat-close"));
            citizen.waitForText(By.id("chat-state"), "结束");
        }
    }
}
