package org.nodepoint.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.testing.TestNodePoint;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the browser tests. Each test class shares one headless Chromium, and each test gets its
 * own NodePoint on a free loopback port with a fresh data folder. Every page a test loads through
 * {@link #open} or {@link #submit} is checked with axe-core, for labelled form fields and for
 * horizontal scrolling, so a flow fails on the first page that breaks one of those rules.
 */
@Tag("browser")
abstract class ChromiumTest {
    private static final Duration PAGE_WAIT = Duration.ofSeconds(15);
    private static Chromium chromium;

    @TempDir
    Path folder;

    protected TestNodePoint node;
    protected ChromeDriver driver;
    protected String origin;
    private Javalin app;

    @BeforeAll
    static void startChromium() {
        chromium = Chromium.start();
        chromium.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30)).pageLoadTimeout(PAGE_WAIT);
    }

    @AfterAll
    static void stopChromium() {
        chromium.close();
    }

    @BeforeEach
    void startNodePoint() {
        node = newNodePoint(folder);
        app = node.app().start("127.0.0.1", 0);
        origin = "http://127.0.0.1:" + app.port();
        driver = chromium.driver;
        // Cookies are kept per host, not per port, so the previous test's session would still be sent.
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        chromium.resize(Viewport.DESKTOP);
    }

    @AfterEach
    void stopNodePoint() {
        app.stop();
        node.close();
    }

    /** Creates the NodePoint of one test: configured, with tickets of every project readable by every user. */
    protected TestNodePoint newNodePoint(Path dataFolder) {
        return TestNodePoint.configured(dataFolder, Map.of(Settings.TICKET_VISIBILITY, "Public"));
    }

    protected void use(Viewport viewport) {
        chromium.resize(viewport);
    }

    /** Loads a page by its path, as typing the address would, and checks it. */
    protected void open(String path) {
        driver.get(origin + path);
        checkPage();
    }

    /** Clicks a button or link that loads a new page, waits for that page and checks it. */
    protected void submit(WebElement control) {
        PageLoad load = PageLoad.mark(driver);
        control.click();
        load.await(PAGE_WAIT);
        checkPage();
    }

    /** Clicks the button in the page's main area whose text is exactly {@code text}. */
    protected void press(String text) {
        submit(driver.findElement(By.xpath("//main//button[normalize-space()='" + text + "']")));
    }

    /** Marks the current page, so that {@link #awaitNewPage(PageLoad)} can wait for the one that replaces it. */
    protected PageLoad markPage() {
        return PageLoad.mark(driver);
    }

    protected void awaitNewPage(PageLoad load) {
        load.await(PAGE_WAIT);
    }

    /** Replaces the text of the field with the given id. */
    protected void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Returns the visible text of the page's main area, where the pages put their content and messages. */
    protected String mainText() {
        return driver.findElement(By.tagName("main")).getText();
    }

    protected void signIn(String name, String password) {
        open("/login");
        type("name", name);
        type("password", password);
        submit(driver.findElement(By.cssSelector("main button[type=submit]")));
    }

    /** Ends the session by dropping the browser's cookies, so that the next sign-in starts afresh. */
    protected void forgetSession() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /** Asserts that the current page has no serious accessibility problem, no unlabelled field and no sideways scrolling. */
    protected void checkPage() {
        String page = driver.getCurrentUrl();
        assertThat(PageChecks.seriousViolations(driver)).as("serious or critical axe-core violations on %s", page).isEmpty();
        assertThat(PageChecks.unlabelledFields(driver)).as("form fields without a label on %s", page).isEmpty();
        PageChecks.Overflow overflow = PageChecks.overflow(driver);
        assertThat(overflow.scrollsSideways())
                .as("%s is %d px wide in a %d px window; too wide: %s", page, overflow.scrollWidth(), overflow.innerWidth(),
                        overflow.wideElements())
                .isFalse();
    }
}
