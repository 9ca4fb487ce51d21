package cn.hotline12345.hub.web;

import static cn.hotline12345.hub.TestHub.adminToken;
import static cn.hotline12345.hub.TestHub.count;
import static cn.hotline12345.hub.TestHub.download;
import static cn.hotline12345.hub.TestHub.getAs;
import static cn.hotline12345.hub.TestHub.json;
import static cn.hotline12345.hub.TestHub.sendAs;
import static cn.hotline12345.hub.web.PortalFixtures.department;
import static cn.hotline12345.hub.web.PortalFixtures.detail;
import static cn.hotline12345.hub.web.PortalFixtures.dispatchedTo;
import static cn.hotline12345.hub.web.PortalFixtures.pdf;
import static cn.hotline12345.hub.web.PortalFixtures.token;
import static cn.hotline12345.hub.web.PortalFixtures.uploadMultipart;
import static cn.hotline12345.hub.web.PortalFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hotline12345.hub.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The department portal (承办单位) in a real browser: a co-unit's 协办意见 with a photo, the lead's inbox by deadline,
 * 签收, 退单 with a reason, 延期申请, a reply with an attached document, masked citizen data and an audited unmask;
 * and the attachment endpoints' rules.
 */
class DepartmentPortalIT {

    private static By item(String ticketNo) {
        return By.cssSelector("#inbox .inbox-item[data-ticket-no='" + ticketNo + "']");
    }

    @Test
    void departmentStaffAcceptReturnReplyWithAFileAndUnmask() throws IOException {
        long lead = department("ZJJ");
        long co = department("ZHZF");
        String toReply = dispatchedTo(lead, co, "桂花苑小区门口道路破损严重，井盖松动，夜间行人多次绊倒，请尽快维修");
        String toReturn = dispatchedTo(lead, null, "桂花苑东门菜市场占道经营，早高峰车辆无法通行，请协调处理");
        String username = user("DEPARTMENT_ADMIN", lead, true, "李承办");
        String coUser = user("DEPARTMENT_STAFF", co, false, "王协办");
        Path files = Files.createDirectories(Path.of("target", "portal-files"));
        Path file = files.resolve("现场核查报告.pdf");
        Files.write(file, pdf("site report"));
        Path photo = files.resolve("围挡照片.png");
        Files.write(photo, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'});

        try (Browser coUnit = Browser.open(Browser.PHONE)) {
            coUnit.signIn(coUser, TestHub.STAFF_PASSWORD);
            coUnit.click(item(toReply));
            coUnit.waitForText(By.cssSelector("#detail .casefile"), toReply);
            coUnit.type(By.id("sub-reply-content"), "城管已对井盖周边设置围挡警示。");
            coUnit.find(By.id("reply-files")).sendKeys(photo.toAbsolutePath().toString());
            coUnit.click(By.cssSelector("#sub-reply-form button[type=submit]"));
            coUnit.waitForText(By.id("replies"), "城管已对井盖周边设置围挡警示");
            coUnit.waitForText(By.id("attachments"), "围挡照片.png");
            assertThat(coUnit.all(By.id("reply-form"))).isEmpty();
            assertThat(coUnit.all(By.id("accept"))).isEmpty();
            coUnit.screenshot("department-co-unit-phone");
            coUnit.assertNoScriptErrors();
        }
        assertThat(count(
                        "SELECT COUNT(*) FROM ticket_attachment a JOIN ticket t ON t.id = a.ticket_id"
                                + " WHERE t.ticket_no = ? AND a.content_type = 'image/png' AND a.uploaded_by = ?",
                        toReply,
                        "user:" + coUser))
                .isEqualTo(1);

        try (Browser browser = Browser.open(Browser.DESKTOP)) {
            browser.signIn(username, TestHub.STAFF_PASSWORD);
            assertThat(browser.driver().getCurrentUrl()).endsWith("/console/department.html");
            browser.find(item(toReply));
            browser.find(item(toReturn));
            browser.waitForText(By.id("dept-name"), "住房");
            browser.click(By.cssSelector("#dept-kpi summary"));
            browser.until(d ->
                    d.findElements(By.cssSelector("#dept-kpi-rates .kpi-tile")).size() == 7);
            browser.screenshot("department-inbox");

            browser.click(item(toReply));
            browser.waitForText(By.id("detail-status"), "已派单");
            assertThat(browser.find(By.id("citizen-phone")).getText()).isEqualTo("138****8000");
            assertThat(browser.find(By.id("citizen-name")).getText()).isEqualTo("张*");
            browser.click(By.id("accept"));
            browser.waitForText(By.id("detail-status"), "办理中");

            browser.type(By.id("unmask-reason"), "需电话核实现场位置");
            browser.click(By.cssSelector("#unmask-form button[type=submit]"));
            browser.waitForText(By.id("citizen-phone"), "13800138000");
            JsonArray audit = json(getAs(adminToken(), "/api/v1/admin/audit?action=UNMASK&targetId=" + toReply))
                    .getJsonArray("items");
            assertThat(audit).hasSize(1);
            assertThat(audit.getJsonObject(0).getString("actor")).isEqualTo("user:" + username);
            assertThat(audit.getJsonObject(0).getJsonObject("detail").getString("reason"))
                    .isEqualTo("需电话核实现场位置");

            browser.assertNoScriptErrors();
            browser.click(By.cssSelector("#reply-form button[type=submit]"));
            assertThat(browser.waitForText(By.cssSelector("#reply-form .field-error"), "答复内容")
                            .getText())
                    .contains("答复内容");
            PortalFixtures.expectedProblemsOnly(browser);
            browser.type(By.id("reply-content"), "经现场核查，已更换破损井盖并修补路面；城管已设置围挡。");
            browser.find(By.id("reply-files")).sendKeys(file.toAbsolutePath().toString());
            browser.screenshot("department-reply-form");
            browser.click(By.cssSelector("#reply-form button[type=submit]"));
            browser.waitForText(By.id("detail-status"), "已答复待审核");
            browser.waitForText(By.id("attachments"), "现场核查报告.pdf");
            browser.waitForText(By.id("replies"), "城管已对井盖周边设置围挡警示");
            browser.screenshot("department-replied");
            assertThat(count(
                            "SELECT COUNT(*) FROM ticket_attachment a JOIN ticket t ON t.id = a.ticket_id"
                                    + " WHERE t.ticket_no = ? AND a.kind = 'DOCUMENT' AND a.file_name = ?"
                                    + " AND a.uploaded_by = ?",
                            toReply,
                            "现场核查报告.pdf",
                            "user:" + username))
                    .isEqualTo(1);
            assertThat(detail(toReply).getString("status")).isEqualTo("REPLIED");

            browser.click(item(toReturn));
            browser.waitForText(By.cssSelector("#detail .casefile"), toReturn);
            browser.type(By.id("extension-days"), "3");
            browser.type(By.id("extension-reason"), "需协调多个部门现场会商");
            browser.click(By.cssSelector("#extension-form button[type=submit]"));
            browser.waitForText(By.id("history"), "申请延期");

            browser.assertNoScriptErrors();
            browser.click(By.cssSelector("#return-form button[type=submit]"));
            browser.waitForText(By.cssSelector("#return-form .field-error"), "退单");
            PortalFixtures.expectedProblemsOnly(browser);
            new Select(browser.find(By.id("return-reason-code"))).selectByValue("NOT_OUR_DUTY");
            browser.type(By.id("return-reason"), "占道经营属城管执法职责，建议改派城管局");
            browser.click(By.cssSelector("#return-form button[type=submit]"));
            browser.waitForText(By.id("detail-status"), "退单审核中");
            browser.waitForText(By.id("waiting"), "等待中心审核");
            browser.screenshot("department-returned");
            JsonObject returned = detail(toReturn);
            assertThat(returned.getString("status")).isEqualTo("RETURN_REQUESTED");
            assertThat(returned.getJsonArray("events").encode()).contains("NOT_OUR_DUTY");
            browser.assertNoScriptErrors();
        }

        try (Browser phone = Browser.open(Browser.PHONE)) {
            phone.signIn(username, TestHub.STAFF_PASSWORD);
            phone.find(item(toReply));
            phone.click(item(toReply));
            phone.waitForText(By.id("detail-status"), "已答复待审核");
            Object overflow = phone.script("return document.documentElement.scrollWidth > window.innerWidth");
            assertThat(overflow).isEqualTo(false);
            phone.screenshot("department-phone");
            phone.assertNoScriptErrors();
        }
    }

    @Test
    void attachmentsFollowTheTicketsAccessRulesAndLimits() {
        long lead = department("ZJJ");
        String no = dispatchedTo(lead, null, "桂花苑小区电梯频繁故障停运，老人上下楼困难，物业拖延不修");
        String staff = token(user("DEPARTMENT_STAFF", lead, false, "周承办"));
        String stranger = token(user("DEPARTMENT_STAFF", department("WATER"), false, "吴水务"));
        String path = "/api/v1/tickets/" + no + "/attachments";

        HttpResponse<String> uploaded =
                uploadMultipart(staff, path, "files", "电梯维保记录.pdf", "application/pdf", pdf("elevator"));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonObject first = json(uploaded).getJsonArray("items").getJsonObject(0);
        assertThat(first.getString("kind")).isEqualTo("DOCUMENT");
        assertThat(first.getString("fileName")).isEqualTo("电梯维保记录.pdf");
        assertThat(first.getString("contentType")).isEqualTo("application/pdf");

        HttpResponse<byte[]> file = download(staff, path + "/" + first.getLong("id"));
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(new String(file.body(), StandardCharsets.UTF_8)).contains("elevator");
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        assertThat(download(adminToken(), path + "/" + first.getLong("id")).statusCode())
                .isEqualTo(200);

        assertThat(uploadMultipart(stranger, path, "files", "x.pdf", "application/pdf", pdf("x"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(getAs(stranger, path).statusCode()).isEqualTo(404);
        assertThat(download(stranger, path + "/" + first.getLong("id")).statusCode())
                .isEqualTo(404);
        assertThat(download(staff, path + "/999999999").statusCode()).isEqualTo(404);

        HttpResponse<String> program = uploadMultipart(
                staff,
                path,
                "files",
                "setup.pdf",
                "application/pdf",
                "MZ\u0090\u0000binary".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(program.statusCode()).isEqualTo(415);
        assertThat(json(program).getString("field")).isEqualTo("files");
        assertThat(json(program).getString("detail")).contains("附件仅支持");

        HttpResponse<String> wrongField = uploadMultipart(staff, path, "photo", "a.pdf", "application/pdf", pdf("a"));
        assertThat(wrongField.statusCode()).isEqualTo(400);

        HttpResponse<String> notMultipart = sendAs(staff, "POST", path, new JsonObject());
        assertThat(notMultipart.statusCode()).isEqualTo(415);
        assertThat(json(notMultipart).getString("detail")).contains("multipart");

        JsonArray listed = json(getAs(staff, path)).getJsonArray("items");
        assertThat(listed).hasSize(1);
    }
}
