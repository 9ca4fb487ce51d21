package cn.hotline12345.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hotline12345.hub.TestHub;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The consoles' sign-in, in a real browser: Chinese problem details next to the form, then the role's console. */
class ConsoleLoginIT {

    @Test
    void aWrongPasswordIsShownInChineseAndTheRightOneOpensTheConsole() {
        try (Browser browser = Browser.open(Browser.DESKTOP)) {
            browser.go("/console/");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("12345 政务服务便民热线");
            browser.type(By.name("username"), "admin").type(By.name("password"), "wrong-password");
            browser.click(By.cssSelector("#login button[type=submit]"));
            assertThat(browser.waitForText(By.cssSelector("#login .field-error"), "密码")
                            .getText())
                    .containsPattern("[\\u4e00-\\u9fa5]");
            browser.screenshot("console-login-error");
            browser.signIn("admin", TestHub.ADMIN_PASSWORD);
            assertThat(browser.driver().getCurrentUrl()).endsWith("/console/admin.html");
        }
    }

    @Test
    void theCitizenHomeWorksOnAPhone() {
        try (Browser browser = Browser.open(Browser.PHONE)) {
            browser.go("/");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("市民服务");
            Object overflow = browser.script("return document.documentElement.scrollWidth > window.innerWidth");
            assertThat(overflow).isEqualTo(false);
            browser.screenshot("citizen-home-phone");
        }
    }
}
