package cn.hotline12345.hub.web;

import static cn.hotline12345.hub.TestHub.count;
import static cn.hotline12345.hub.TestHub.getAs;
import static cn.hotline12345.hub.TestHub.json;
import static cn.hotline12345.hub.TestHub.sendAs;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogType;

/**
 * The citizen pages in a real browser, mostly at phone size: 网友留言 and 领导信箱 with consent, a problem shown at
 * its field, progress and the citizen's rating, live chat handed to an agent, and 政务公开 with the monthly figures.
 */
class CitizenPagesIT {

    private static void assertFitsThePhone(Browser browser) {
        assertThat(browser.script("return document.documentElement.scrollWidth > window.innerWidth"))
                .as("horizontal overflow")
                .isEqualTo(false);
    }

    /** Reads the console so far, where the only entries allowed are Chrome's notes of the API's expected 4xx answer. */
    private static void acceptExpectedProblem(Browser browser, int status) {
        assertThat(browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                        .filter(entry -> !entry.getMessage().contains("favicon")))
                .allSatisfy(entry -> assertThat(entry.getMessage())
                        .contains("Failed to load resource")
                        .contains("status of " + status));
    }

    @Test
    void aWebMessageWithConsentBecomesOneTicketAndABadPhoneIsShownAtThePhoneField() {
        CitizenTickets.clearRateLimit();
        String content = "桂花苑小区东门路灯坏了一个月，晚上很黑 " + UUID.randomUUID();
        String phone = CitizenTickets.freshPhone();
        try (Browser browser = Browser.open(Browser.PHONE)) {
            browser.go("/citizen/message.html");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("网友留言");
            browser.type(By.id("title"), "小区路灯不亮")
                    .type(By.id("content"), content)
                    .type(By.id("phone"), "138-abc");
            browser.click(By.id("publicConsent"));
            browser.click(By.id("submit"));
            WebElement problem = browser.waitForText(By.cssSelector("label[for=phone] .field-error"), "联系电话");
            assertThat(problem.getText()).contains("138-abc");
            assertThat(browser.all(By.cssSelector("label[for=phone] .field-error")))
                    .hasSize(1);
            assertThat(browser.find(By.id("phone")).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            assertFitsThePhone(browser);
            browser.screenshot("citizen-message-phone-problem");
            acceptExpectedProblem(browser, 400);

            browser.type(By.id("phone"), phone);
            browser.click(By.id("submit"));
            String ticketNo = browser.waitForText(By.id("ticket-no"), "2").getText();
            assertThat(ticketNo).matches("[0-9]{8,20}");
            assertThat(browser.find(By.id("to-progress")).getAttribute("href")).endsWith("ticketNo=" + ticketNo);
            browser.screenshot("citizen-message-done-phone");
            browser.assertNoScriptErrors();

            assertThat(count(
                            "SELECT COUNT(*) FROM ticket WHERE content = ? AND ticket_no = ? AND channel = 'web'"
                                    + " AND public_consent = 1 AND citizen_phone = ?",
                            content,
                            ticketNo,
                            phone))
                    .isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM ticket WHERE content = ?", content))
                    .isEqualTo(1);

            browser.click(By.id("write-another"));
            assertThat(browser.find(By.id("content")).getAttribute("value")).isEmpty();
        }
    }

    @Test
    void aLetterGoesToTheChosenMailboxOnceEvenWhenRetriedAndStaysPrivateWithoutConsent() {
        CitizenTickets.clearRateLimit();
        String content = "建议在县一中门口增设红绿灯 " + UUID.randomUUID();
        try (Browser browser = Browser.open(Browser.PHONE)) {
            browser.go("/citizen/mailbox.html");
            browser.click(By.cssSelector("label[for=mailbox-ZJJ-DIRECTOR]"));
            browser.type(By.id("title"), "建议增设红绿灯")
                    .type(By.id("content"), content)
                    .type(By.id("phone"), CitizenTickets.freshPhone());
            assertFitsThePhone(browser);
            browser.screenshot("citizen-mailbox-phone");
            browser.script(
                    """
                    const real = window.fetch;
                    let lost = false;
                    window.fetch = async (...args) => {
                      const answer = await real(...args);
                      if (!lost && String(args[0]).includes('/letters')) {
                        lost = true;
                        throw new TypeError('the answer was lost on the way');
                      }
                      return answer;
                    };
                    """);
            browser.click(By.id("submit"));
            browser.waitForText(By.cssSelector("#mailbox-form .form-error"), "网络连接失败");
            browser.click(By.id("submit"));
            String ticketNo = browser.waitForText(By.id("ticket-no"), "2").getText();
            assertThat(browser.find(By.id("duplicate-note")).getText()).contains("没有重复登记");
            assertThat(browser.find(By.id("result")).getText()).contains("住建局局长信箱");
            assertThat(count("SELECT COUNT(*) FROM ticket WHERE content = ?", content))
                    .isEqualTo(1);
            browser.assertNoScriptErrors();
            assertThat(count(
                            "SELECT COUNT(*) FROM ticket t JOIN mailbox m ON m.id = t.mailbox_id WHERE t.ticket_no = ?"
                                    + " AND m.code = 'ZJJ-DIRECTOR' AND t.public_consent = 0 AND t.channel = 'mailbox'",
                            ticketNo))
                    .isEqualTo(1);
        }
    }

    @Test
    void theCitizenFollowsProgressAndRatesTheReply() {
        String phone = CitizenTickets.freshPhone();
        String ticketNo =
                CitizenTickets.awaitingRating("小区门口道路破损严重，井盖松动，夜间行人多次绊倒", phone, false, "经现场核查，已更换破损井盖并修补路面。");
        try (Browser browser = Browser.open(Browser.PHONE)) {
            browser.go("/citizen/progress.html?ticketNo=" + ticketNo);
            assertThat(browser.find(By.id("ticketNo")).getAttribute("value")).isEqualTo(ticketNo);
            browser.type(By.id("phone"), "13900000000");
            browser.click(By.id("query"));
            browser.waitForText(By.cssSelector("#progress-form .form-error"), "未找到");
            acceptExpectedProblem(browser, 404);

            browser.type(By.id("phone"), phone);
            browser.click(By.id("query"));
            browser.waitForText(By.id("progress-status"), "待回访");
            assertThat(browser.find(By.id("reply-text")).getText()).contains("已更换破损井盖");
            assertThat(browser.all(By.cssSelector("#timeline li"))).hasSizeGreaterThanOrEqualTo(3);
            assertThat(browser.find(By.id("rating")).isDisplayed()).isTrue();
            assertFitsThePhone(browser);
            browser.screenshot("citizen-progress-phone");

            browser.click(By.id("rate"));
            browser.waitForText(By.cssSelector("#rating-form .field-error"), "请选择");
            browser.click(By.cssSelector("label[for=resolved-yes]"));
            browser.click(By.cssSelector("label[for=satisfaction-BASICALLY_SATISFIED]"));
            browser.type(By.id("comment"), "修好了，就是慢了点");
            browser.click(By.id("rate"));
            browser.waitForText(By.id("progress-status"), "已办结");
            assertThat(browser.driver().findElement(By.id("rating")).isDisplayed())
                    .isFalse();
            browser.screenshot("citizen-progress-rated-phone");
            browser.assertNoScriptErrors();
        }
        assertThat(count(
                        "SELECT COUNT(*) FROM ticket t JOIN ticket_follow_up f ON f.ticket_id = t.id WHERE t.ticket_no = ?"
                                + " AND t.status = 'CLOSED' AND f.method = 'CITIZEN' AND f.satisfaction = 'BASICALLY_SATISFIED'"
                                + " AND f.resolved = 1",
                        ticketNo))
                .isEqualTo(1);
    }

    @Test
    void theChatNeverSendsWhileComposingAndHandsOverToAnAgent() {
        try (Browser browser = Browser.open(Browser.PHONE)) {
            browser.go("/citizen/chat.html");
            browser.waitForText(By.id("chat-state"), "智能客服");
            browser.find(By.cssSelector("#chat-log .line.bot"));
            String chatId = (String) browser.script("return document.getElementById('chat').dataset.chatId");
            assertThat(chatId).matches("[0-9a-f]{32}");

            WebElement input = browser.find(By.id("chat-input"));
            input.sendKeys("社保卡丢了");
            browser.script(
                    """
                    const input = document.getElementById('chat-input');
                    input.dispatchEvent(new CompositionEvent('compositionstart', {data: ''}));
                    input.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', isComposing: true, bubbles: true, cancelable: true}));
                    input.dispatchEvent(new CompositionEvent('compositionend', {data: '怎么办'}));
                    input.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', keyCode: 229, bubbles: true, cancelable: true}));
                    """);
            CitizenTickets.pause(700);
            assertThat(browser.all(By.cssSelector("#chat-log .line.citizen"))).isEmpty();
            assertThat(input.getAttribute("value")).isEqualTo("社保卡丢了");

            input.sendKeys("怎么补办", Keys.ENTER);
            browser.waitForText(By.cssSelector("#chat-log .line.citizen"), "社保卡丢了怎么补办");
            assertThat(input.getAttribute("value")).isEmpty();
            browser.until(
                    d -> d.findElements(By.cssSelector("#chat-log .line.bot")).size() >= 2);

            browser.click(By.id("chat-person"));
            browser.waitForText(By.id("chat-state"), "排队");
            String agent = CitizenTickets.token("AGENT", null);
            HttpResponse<String> taken = sendAs(agent, "POST", "/api/v1/chats/" + chatId + "/take", new JsonObject());
            assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
            browser.waitForText(By.id("chat-state"), "为您服务");
            HttpResponse<String> said = sendAs(
                    agent,
                    "POST",
                    "/api/v1/chats/" + chatId + "/messages",
                    new JsonObject().put("text", "您好，我是话务员，请问卡是在哪里丢的？"));
            assertThat(said.statusCode()).as(said.body()).isEqualTo(204);
            browser.waitForText(By.cssSelector("#chat-log .line.agent"), "请问卡是在哪里丢的");
            assertFitsThePhone(browser);
            browser.screenshot("citizen-chat-agent-phone");

            browser.driver().navigate().refresh();
            browser.waitForText(By.cssSelector("#chat-log .line.agent"), "请问卡是在哪里丢的");
            assertThat(browser.script("return document.getElementById('chat').dataset.chatId"))
                    .isEqualTo(chatId);
            browser.find(By.id("chat-input")).sendKeys("在县政务中心附近", Keys.ENTER);
            assertThat(json(getAs(agent, "/api/v1/chats/" + chatId)).encode()).isNotEmpty();
            browser.until(d -> json(getAs(agent, "/api/v1/chats/" + chatId))
                    .getJsonArray("lines")
                    .encode()
                    .contains("在县政务中心附近"));

            browser.click(By.id("chat-end"));
            browser.waitForText(By.id("chat-state"), "已结束");
            assertThat(browser.find(By.id("chat-restart")).isDisplayed()).isTrue();
            assertThat(browser.find(By.id("chat-input")).isEnabled()).isFalse();
            browser.assertNoScriptErrors();
        }
    }

    @Test
    void thePublicPageShowsRedactedRepliesAndTheMonthlyFigures() {
        String phone = CitizenTickets.freshPhone();
        String ticketNo = CitizenTickets.published("桂花苑小区垃圾清运不及时，联系电话 13812345678，请尽快处理", phone, "已安排环卫每日清运两次。");
        YearMonth month = CitizenTickets.quietMonth();
        CitizenTickets.moveToMonth(
                CitizenTickets.closed("县城北路夜间施工噪音扰民", CitizenTickets.freshPhone(), false, "已责令夜间停工。", "SATISFIED"),
                month);
        try (Browser browser = Browser.open(Browser.DESKTOP)) {
            browser.go("/citizen/public.html");
            WebElement card =
                    browser.waitForText(By.cssSelector("article[data-ticket='" + ticketNo + "']"), "已安排环卫每日清运两次");
            assertThat(card.getText()).doesNotContain("13812345678", phone, "李四");
            browser.find(By.id("stats-total"));
            assertThat(browser.find(By.id("rate-satisfaction")).getText()).contains("满意率");
            browser.find(By.id("stats-total"));
            browser.script("document.getElementById('stats-month').value = arguments[0]", month.toString());
            browser.click(By.id("stats-show"));
            browser.waitForText(By.id("stats-period"), month.getYear() + "年" + month.getMonthValue() + "月");
            assertThat(browser.find(By.id("stats-total")).getText()).contains("1 件");
            assertThat(browser.find(By.id("rate-satisfaction")).getText())
                    .contains("100.0%")
                    .contains("1 / 1");
            assertThat(browser.all(By.cssSelector("#stats-by-type li"))).hasSize(1);
            assertThat(browser.all(By.cssSelector("#stats-by-department li"))).hasSize(1);
            Object widths = browser.script(
                    "return [...document.querySelectorAll('#stats .bar')].map(b => b.style.width).join(' ')");
            assertThat(String.valueOf(widths)).doesNotContain("px");
            browser.screenshot("citizen-public-desktop");
            browser.script("document.getElementById('replies-section').scrollIntoView()");
            browser.screenshot("citizen-public-replies-desktop");
            browser.assertNoScriptErrors();
        }
        try (Browser browser = Browser.open(Browser.PHONE)) {
            browser.go("/citizen/public.html");
            browser.find(By.id("stats-total"));
            browser.waitForText(By.id("replies"), "已安排环卫每日清运两次");
            assertFitsThePhone(browser);
            browser.screenshot("citizen-public-phone");
            browser.assertNoScriptErrors();
        }
    }
}
