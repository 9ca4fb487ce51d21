package cn.hotline12345.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hotline12345.hub.TestHub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (Debian's {@code chromium} and {@code chromedriver}) pointed at the shared test hub, with the
 * helpers browser tests need: open a page, sign in, wait, type, and save a screenshot of every console under {@code
 * target/screenshots}.
 */
public final class Browser implements AutoCloseable {

    /** Office PCs. */
    public static final Dimension DESKTOP = new Dimension(1366, 768);

    /** Phones. */
    public static final Dimension PHONE = new Dimension(375, 812);

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    /** A new headless browser window of {@code size}. */
    public static Browser open(Dimension size) {
        String chromedriver = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        String chromium = System.getProperty("it.chromium", "/usr/bin/chromium");
        ChromeOptions options = new ChromeOptions()
                .setBinary(chromium)
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-dev-shm-usage",
                        "--disable-gpu",
                        "--lang=zh-CN",
                        "--window-size=" + size.getWidth() + "," + size.getHeight());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(chromedriver).toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(size);
        return new Browser(driver);
    }

    /** The driver itself. */
    public WebDriver driver() {
        return driver;
    }

    /** Opens a page of the shared hub, e.g. {@code /console/}. */
    public Browser go(String path) {
        driver.get(TestHub.baseUrl() + path);
        return this;
    }

    /** Signs in on the console login page and waits for the console to open. */
    public Browser signIn(String username, String password) {
        go("/console/");
        type(By.name("username"), username);
        type(By.name("password"), password);
        click(By.cssSelector("#login button[type=submit]"));
        wait.until(d -> !d.getCurrentUrl().endsWith("/console/"));
        return this;
    }

    /** Waits until an element is visible and answers it. */
    public WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** The visible elements matching. */
    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Waits until an element shows {@code text}. */
    public WebElement waitForText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return driver.findElement(by);
    }

    /** Waits for any condition. */
    public <T> T until(Function<WebDriver, T> condition) {
        return wait.until(condition::apply);
    }

    /** Clears a field and types into it; a field the page redraws meanwhile is found again. */
    public Browser type(By by, String text) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement field = ExpectedConditions.visibilityOfElementLocated(by).apply(d);
            if (field == null) {
                return null;
            }
            field.clear();
            field.sendKeys(text);
            return true;
        });
        return this;
    }

    /** Clicks an element once it can be clicked; an element the page redraws meanwhile is found again. */
    public Browser click(By by) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (element == null) {
                return null;
            }
            element.click();
            return true;
        });
        return this;
    }

    /** Runs a script in the page. */
    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves a full-window screenshot as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
            return shot;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails when the page logged JavaScript errors. */
    public void assertNoScriptErrors() {
        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .filter(e -> !e.getMessage().contains("favicon"))
                .toList();
        assertThat(severe).as("JavaScript errors").isEmpty();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
