package cn.hotline12345.hub.web;

import static cn.hotline12345.hub.web.PortalFixtures.action;
import static cn.hotline12345.hub.web.PortalFixtures.department;
import static cn.hotline12345.hub.web.PortalFixtures.detail;
import static cn.hotline12345.hub.web.PortalFixtures.dispatchedTo;
import static cn.hotline12345.hub.web.PortalFixtures.fireClocks;
import static cn.hotline12345.hub.web.PortalFixtures.ok;
import static cn.hotline12345.hub.web.PortalFixtures.token;
import static cn.hotline12345.hub.web.PortalFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hotline12345.hub.TestHub;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The supervisor console (督办与统计) in a real browser: warned and overdue lists, 督办 of an overdue ticket, the review
 * of a department's reply, an extension approved, a follow-up (回访), and the KPI dashboard with its charts.
 */
class SupervisorConsoleIT {

    private static By row(String ticketNo) {
        return By.cssSelector("#queue tr[data-ticket-no='" + ticketNo + "']");
    }

    private static By open(String ticketNo) {
        return By.cssSelector("#queue tr[data-ticket-no='" + ticketNo + "'] button.open-ticket");
    }

    @Test
    void supervisorsSeeLateTicketsSuperviseReviewAndReadTheDashboard() {
        long lead = department("ZJJ");
        String warned = dispatchedTo(lead, null, "桂花苑3栋楼顶漏水，雨天屋内墙面渗水发霉，已多次反映未处理");
        String overdue = dispatchedTo(lead, null, "桂花苑北门路灯连续一周不亮，夜间出行不安全");
        String replied = dispatchedTo(lead, null, "桂花苑小区消防通道被车辆长期占用，存在安全隐患");
        fireClocks(warned, "WARN");
        fireClocks(overdue, null);
        assertThat(detail(overdue).getBoolean("overdue")).isTrue();
        String staff = token(user("DEPARTMENT_STAFF", lead, false, "陈承办"));
        ok(action(staff, replied, "accept", new JsonObject()));
        ok(action(
                staff,
                replied,
                "reply",
                new JsonObject().put("content", "已联系物业清理消防通道，并设置禁停标识。").put("resolved", true)));
        String supervisor = user("SUPERVISOR", null, false, "督办科");

        try (Browser browser = Browser.open(Browser.DESKTOP)) {
            browser.signIn(supervisor, TestHub.STAFF_PASSWORD);
            assertThat(browser.driver().getCurrentUrl()).endsWith("/console/supervisor.html");
            browser.find(row(warned));
            assertThat(browser.all(row(overdue))).isEmpty();
            browser.screenshot("supervisor-warned");
            ok(action(
                    staff,
                    warned,
                    "request-extension",
                    new JsonObject().put("days", 2).put("reason", "需协调物业与施工单位")));
            browser.click(open(warned));
            browser.waitForText(By.id("approve-extension-form"), "需协调物业与施工单位");
            browser.click(By.cssSelector("#approve-extension-form button[type=submit]"));
            browser.waitForText(By.id("history"), "同意延期");
            assertThat(detail(warned).getInteger("extendedDays")).isEqualTo(2);

            browser.click(By.id("tab-overdue"));
            browser.find(row(overdue));
            browser.click(open(overdue));
            browser.waitForText(By.cssSelector("#detail .casefile"), overdue);
            browser.type(By.id("supervise-note"), "请于今日17时前答复并报送办理情况");
            browser.click(By.cssSelector("#supervise-form button[type=submit]"));
            browser.waitForText(By.id("history"), "请于今日17时前答复");
            browser.screenshot("supervisor-overdue-supervised");
            assertThat(detail(overdue).getJsonArray("events").stream()
                            .map(e -> (JsonObject) e)
                            .filter(e -> e.getString("action").equals("SUPERVISE")
                                    && e.getString("actor").equals("user:" + supervisor))
                            .count())
                    .isEqualTo(1);

            browser.click(By.id("tab-review"));
            browser.find(row(replied));
            browser.click(open(replied));
            browser.waitForText(By.id("replies"), "已联系物业清理消防通道");
            browser.screenshot("supervisor-review");
            browser.assertNoScriptErrors();
            browser.type(By.id("approve-note"), "答复规范");
            browser.click(By.cssSelector("#approve-form button[type=submit]"));
            browser.waitForText(By.id("detail-status"), "待回访");
            assertThat(detail(replied).getString("status")).isEqualTo("FOLLOW_UP");

            browser.assertNoScriptErrors();
            browser.click(By.cssSelector("#follow-up-form button[type=submit]"));
            browser.waitForText(By.cssSelector("#follow-up-form .field-error"), "是否解决");
            browser.click(By.id("follow-up-resolved"));
            new Select(browser.find(By.id("follow-up-satisfaction"))).selectByValue("SATISFIED");
            browser.type(By.id("follow-up-comment"), "市民表示通道已畅通");
            browser.click(By.cssSelector("#follow-up-form button[type=submit]"));
            browser.waitForText(By.id("detail-status"), "已办结");
            JsonObject closed = detail(replied);
            assertThat(closed.getString("status")).isEqualTo("CLOSED");
            assertThat(closed.getString("satisfaction")).isEqualTo("SATISFIED");
            PortalFixtures.expectedProblemsOnly(browser);

            browser.click(By.id("tab-kpi"));
            browser.until(
                    d -> d.findElements(By.cssSelector("#kpi-rates .kpi-tile")).size() == 7);
            browser.find(By.cssSelector("#chart-byDay svg rect.col"));
            browser.find(By.cssSelector("#chart-byDepartment .hbars li"));
            browser.find(By.cssSelector("#chart-byCategory .hbars li"));
            browser.waitForText(By.id("kpi-departments"), "住房");
            assertThat(browser.find(By.cssSelector("[data-kpi=responseRate] .value"))
                            .getText())
                    .matches("\\d+\\.\\d%|—");
            Object width = browser.script(
                    "return document.querySelector('#chart-byDepartment .bar').getBoundingClientRect().width");
            assertThat(((Number) width).doubleValue()).isGreaterThan(10);
            browser.screenshot("supervisor-kpi");
            browser.assertNoScriptErrors();
        }

        try (Browser phone = Browser.open(Browser.PHONE)) {
            phone.signIn(supervisor, TestHub.STAFF_PASSWORD);
            phone.click(By.id("tab-kpi"));
            phone.until(
                    d -> d.findElements(By.cssSelector("#kpi-rates .kpi-tile")).size() == 7);
            phone.find(By.cssSelector("#chart-byDay svg rect.col"));
            Object overflow = phone.script("return document.documentElement.scrollWidth > window.innerWidth");
            assertThat(overflow).isEqualTo(false);
            phone.screenshot("supervisor-kpi-phone");
            phone.assertNoScriptErrors();
        }
    }
}
