package cn.hotline12345.hub.web;

import static cn.hotline12345.hub.TestHub.adminToken;
import static cn.hotline12345.hub.TestHub.download;
import static cn.hotline12345.hub.TestHub.getAs;
import static cn.hotline12345.hub.TestHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hotline12345.hub.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The admin console (系统管理) in a real browser: accounts, the responsibility list with its validation report and
 * publishing, the calendar, the knowledge-base review workflow up to a citizen's answer, and the audit log.
 */
class AdminConsoleIT {

    @TempDir
    Path files;

    @Test
    void anAdminManagesUsersListsCalendarKnowledgeAndAudit() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String username = "it_agent_" + suffix;
        String extension = String.valueOf(ThreadLocalRandom.current().nextInt(70_000, 79_999));
        try (Browser browser = Browser.open(Browser.DESKTOP)) {
            browser.signIn("admin", TestHub.ADMIN_PASSWORD);
            assertThat(browser.driver().getCurrentUrl()).endsWith("/console/admin.html");
            assertThat(browser.find(By.id("tab-users")).getAttribute("aria-selected"))
                    .isEqualTo("true");

            // Users: a wrong password is shown under its field, then the user is created and edited.
            browser.waitForText(By.id("users-table"), "admin");
            browser.type(By.id("user-username"), username)
                    .type(By.id("user-displayName"), "测试话务员")
                    .type(By.id("user-password"), "short")
                    .type(By.id("user-extension"), extension);
            browser.click(By.cssSelector("#user-form button[type=submit]"));
            assertThat(browser.find(By.cssSelector("#user-form .field-error")).getText())
                    .contains("密码");
            browser.type(By.id("user-password"), "Passw0rd2026");
            browser.click(By.cssSelector("#user-form button[type=submit]"));
            By row = By.cssSelector("#users-table tr[data-username='" + username + "']");
            browser.waitForText(row, extension);
            browser.click(By.cssSelector("#users-table button[data-username='" + username + "']"));
            browser.until(d -> d.findElement(By.id("user-username")).getAttribute("readonly") != null);
            browser.type(By.id("user-displayName"), "测试话务员（已改名）");
            browser.click(By.id("user-canUnmask"));
            browser.click(By.cssSelector("#user-form button[type=submit]"));
            browser.waitForText(row, "已改名");
            JsonObject user = users().stream()
                    .map(JsonObject.class::cast)
                    .filter(u -> u.getString("username").equals(username))
                    .findFirst()
                    .orElseThrow();
            assertThat(user.getString("displayName")).isEqualTo("测试话务员（已改名）");
            assertThat(user.getBoolean("canUnmask")).isTrue();
            assertThat(user.getString("extension")).isEqualTo(extension);
            browser.waitForText(By.id("departments-table"), "HOTLINE");
            browser.screenshot("admin-users");
            assertNoScriptErrors(browser);

            // Responsibility list: a broken file is refused with the report by line and column.
            browser.click(By.id("tab-routing"));
            Path broken = files.resolve("broken.csv");
            Files.writeString(
                    broken,
                    String.join(
                            "\n",
                            "序号,一级分类,二级分类,关键词,区域,诉求类型,主办单位,协办单位,职责依据,生效日期,失效日期",
                            "1,城乡建设,,,,,住建局,,依据,2026-01-01,",
                            "2,城乡建设,,,,,不存在的局,,依据,2026-01-01,",
                            "3,城乡建设,,,火星基地,,住建局,,依据,2026-01-01,"),
                    StandardCharsets.UTF_8);
            browser.find(By.id("list-file")).sendKeys(broken.toAbsolutePath().toString());
            browser.click(By.id("list-upload-submit"));
            WebElement report = browser.waitForText(By.id("list-report"), "不存在的局");
            List<String> unknownUnit = report.findElements(By.cssSelector("tbody tr")).stream()
                    .map(WebElement::getText)
                    .filter(text -> text.contains("不存在的局"))
                    .toList();
            assertThat(unknownUnit)
                    .singleElement()
                    .satisfies(text ->
                            assertThat(text).contains("第 3 行").contains("主办单位").contains("错误"));
            assertThat(report.getText()).contains("火星基地").contains("第 4 行");
            assertThat(browser.find(By.id("list-upload-error")).getText()).contains("未导入");
            browser.screenshot("admin-routing-report");

            // The list in force, exported and uploaded again, becomes a draft and is published.
            int before = publishedVersion();
            HttpResponse<byte[]> exported =
                    download(adminToken(), "/api/v1/admin/responsibility-lists/" + before + "/export");
            assertThat(exported.statusCode()).isEqualTo(200);
            Path good = files.resolve("list.xlsx");
            Files.write(good, exported.body());
            browser.type(By.id("list-name"), "界面测试版本" + suffix);
            browser.find(By.id("list-file")).sendKeys(good.toAbsolutePath().toString());
            browser.click(By.id("list-upload-submit"));
            String saved =
                    browser.waitForText(By.id("list-upload-ok"), "已保存为草稿").getText();
            int draft = versions().stream()
                    .map(JsonObject.class::cast)
                    .filter(v -> v.getString("name").equals("界面测试版本" + suffix))
                    .findFirst()
                    .orElseThrow()
                    .getInteger("version");
            assertThat(saved).contains("v" + draft);
            browser.click(By.id("list-publish-new"));
            browser.click(By.id("publish-confirm-yes"));
            browser.waitForText(By.id("list-published"), "v" + draft + " 已发布");
            browser.waitForText(By.cssSelector("#lists-table tr[data-version='" + draft + "']"), "已发布");
            assertThat(publishedVersion()).isEqualTo(draft);
            assertThat(routedBy(draft))
                    .as("the hub routes by the published version")
                    .isTrue();
            browser.screenshot("admin-routing");
            assertNoScriptErrors(browser);

            // Calendar: the shipped years with holidays and make-up workdays.
            browser.click(By.id("tab-calendar"));
            browser.waitForText(By.id("calendar-holidays"), "春节");
            browser.click(By.cssSelector("#calendar-years [data-year='2026']"));
            browser.waitForText(By.id("calendar-year-title"), "2026");
            assertThat(browser.find(By.id("calendar-workdays")).getText()).contains("2026-");
            assertThat(browser.all(By.cssSelector("#calendar-months td.holiday")))
                    .isNotEmpty();
            browser.screenshot("admin-calendar");

            Path brokenCalendar = Files.createTempFile("calendar-2031-", ".csv");
            Files.writeString(brokenCalendar, "类型,名称,开始日期,结束日期\n放假,国庆节,2031-10-01,2031-10-07\n补班,国庆节调休,2031-09-28,\n");
            browser.type(By.id("calendar-import-year"), "2031");
            browser.find(By.id("calendar-import-file")).sendKeys(brokenCalendar.toString());
            browser.click(By.id("calendar-import-submit"));
            assertThat(browser.waitForText(By.id("calendar-import-report"), "第 3 行")
                            .getText())
                    .contains("类型");
            browser.screenshot("admin-calendar-import-report");
            Path goodCalendar = Files.createTempFile("calendar-2031-", ".csv");
            Files.writeString(goodCalendar, "类型,名称,开始日期,结束日期\n放假,国庆节,2031-10-01,2031-10-07\n调休上班,国庆节调休,2031-09-28,\n");
            browser.type(By.id("calendar-import-year"), "2031");
            browser.find(By.id("calendar-import-file")).sendKeys(goodCalendar.toString());
            browser.click(By.id("calendar-import-submit"));
            browser.waitForText(By.id("notice"), "已导入 2031 年");
            browser.waitForText(By.id("calendar-year-title"), "2031");
            assertThat(json(getAs(adminToken(), "/api/v1/admin/calendar"))
                            .getJsonArray("years")
                            .encode())
                    .contains("2031-09-28");

            // Knowledge base: a new entry goes draft → review → published and is then answered.
            browser.click(By.id("tab-kb"));
            browser.waitForText(By.id("kb-entries"), "已发布");
            String question = "萤火虫养殖备案需要提交哪些材料" + chinese(suffix);
            browser.click(By.id("kb-entry-new"));
            browser.type(By.id("kb-question"), question)
                    .type(By.id("kb-answer"), "请携带身份证和养殖场地证明到县农业农村局窗口办理。")
                    .type(By.id("kb-category"), "农村农业");
            browser.click(By.id("kb-save"));
            browser.waitForText(By.id("kb-entry-status"), "草稿");
            long entryId = Long.parseLong(browser.find(By.id("kb-entry-form")).getAttribute("data-id"));
            browser.click(By.id("kb-submit"));
            browser.waitForText(By.id("kb-entry-status"), "待审核");
            browser.click(By.id("kb-approve"));
            browser.waitForText(By.id("kb-entry-status"), "已发布");
            browser.type(By.id("kb-q"), "萤火虫");
            browser.waitForText(By.id("kb-entries"), question);
            browser.screenshot("admin-kb");
            JsonObject answer = answered(question, entryId);
            assertThat(answer.getBoolean("answered")).isTrue();
            assertThat(answer.getLong("entryId")).isEqualTo(entryId);
            assertThat(answer.getString("answer")).contains("农业农村局");
            assertNoScriptErrors(browser);

            // Audit log: the admin's own changes, found by actor and action.
            browser.click(By.id("tab-audit"));
            browser.waitForText(By.id("audit-table"), "user:admin");
            browser.type(By.id("audit-actor"), "user:admin").type(By.id("audit-action"), "UPDATE_USER");
            browser.click(By.id("audit-search"));
            browser.waitForText(By.id("audit-table"), username);
            assertThat(browser.all(By.cssSelector("#audit-table tbody tr")))
                    .allSatisfy(tr -> assertThat(tr.getAttribute("data-action")).isEqualTo("UPDATE_USER"));
            browser.type(By.id("audit-action"), "PUBLISH_RESPONSIBILITY_LIST");
            browser.click(By.id("audit-search"));
            browser.waitForText(By.id("audit-table"), "responsibility_list " + draft);
            browser.screenshot("admin-audit");
            assertNoScriptErrors(browser);
        }
    }

    @Test
    void onAPhoneTablesScrollInsideThePageAndAKnowledgeBaseAdminSeesOnlyTheKnowledgeBase() {
        String username = PortalFixtures.user("KB_ADMIN", null, false, "知识库管理员");
        try (Browser browser = Browser.open(Browser.PHONE)) {
            browser.signIn("admin", TestHub.ADMIN_PASSWORD);
            browser.go("/console/admin.html#routing");
            browser.waitForText(By.id("lists-table"), "已发布");
            assertThat(browser.script("return document.documentElement.scrollWidth > window.innerWidth"))
                    .isEqualTo(false);
            browser.screenshot("admin-routing-phone");
            assertNoScriptErrors(browser);
        }
        try (Browser browser = Browser.open(Browser.PHONE)) {
            browser.signIn(username, TestHub.STAFF_PASSWORD);
            assertThat(browser.driver().getCurrentUrl()).contains("/console/admin.html");
            browser.waitForText(By.id("kb-entries"), "已发布");
            assertThat(browser.find(By.id("tab-kb")).getAttribute("aria-selected"))
                    .isEqualTo("true");
            assertThat(browser.all(By.cssSelector("#admin-tabs [role=tab]")).stream()
                            .filter(WebElement::isDisplayed)
                            .map(WebElement::getText)
                            .toList())
                    .containsExactly("知识库");
            assertThat(browser.script("return document.documentElement.scrollWidth > window.innerWidth"))
                    .isEqualTo(false);
            browser.screenshot("admin-kb-phone");
            assertNoScriptErrors(browser);
        }
    }

    private static JsonArray users() {
        return json(getAs(adminToken(), "/api/v1/admin/users")).getJsonArray("users");
    }

    private static JsonArray versions() {
        return json(getAs(adminToken(), "/api/v1/admin/responsibility-lists")).getJsonArray("items");
    }

    private static int publishedVersion() {
        return versions().stream()
                .map(JsonObject.class::cast)
                .filter(v -> v.getString("status").equals("PUBLISHED"))
                .findFirst()
                .orElseThrow()
                .getInteger("version");
    }

    /** Whether the hub routes by {@code version} within 10 s (it reloads the list every few seconds). */
    private static boolean routedBy(int version) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        do {
            JsonObject decision = json(TestHub.get(
                    "/api/v1/routing/explain?category=" + URLEncoder.encode("城乡建设", StandardCharsets.UTF_8)));
            if (Integer.valueOf(version).equals(decision.getInteger("listVersion"))) {
                return true;
            }
            sleep();
        } while (Instant.now().isBefore(deadline));
        return false;
    }

    /** The knowledge base's answer once every hub's index has the entry (it follows within seconds). */
    private static JsonObject answered(String question, long entryId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        JsonObject answer;
        do {
            answer = json(TestHub.get("/api/v1/kb/answer?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8)));
            if (Long.valueOf(entryId).equals(answer.getLong("entryId"))) {
                return answer;
            }
            sleep();
        } while (Instant.now().isBefore(deadline));
        return answer;
    }

    /** Hex digits as Chinese numerals, so each run's question is its own. */
    private static String chinese(String hex) {
        String digits = "零一二三四五六七八九甲乙丙丁戊己";
        StringBuilder out = new StringBuilder();
        for (char c : hex.toCharArray()) {
            out.append(digits.charAt(Character.digit(c, 16)));
        }
        return out.toString();
    }

    /** JavaScript errors only: the browser also logs the API's intended 4xx answers as failed resources. */
    private static void assertNoScriptErrors(Browser browser) {
        List<LogEntry> errors = browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .filter(e -> !e.getMessage().contains("Failed to load resource"))
                .toList();
        assertThat(errors).as("JavaScript errors").isEmpty();
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
