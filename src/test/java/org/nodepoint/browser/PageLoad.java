package org.nodepoint.browser;

import java.time.Duration;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Waits for the page that an action loads. It marks the current page's window object before the
 * action and waits until a window without the mark has finished loading. A staleness check on an
 * old element is not enough: while the old page goes away, Chrome may reject it with "Node with
 * given id does not belong to the document" instead of a stale element error.
 */
final class PageLoad {
    private static final String MARK = "window.__nodepointOldPage = true;";
    private static final String LOADED = "return window.__nodepointOldPage === undefined && document.readyState === 'complete';";

    private final ChromeDriver driver;

    private PageLoad(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Marks the current page. Call it before the action that loads the next one. */
    static PageLoad mark(ChromeDriver driver) {
        driver.executeScript(MARK);
        return new PageLoad(driver);
    }

    /** Waits until the next page has replaced the marked one and has loaded. */
    void await(Duration timeout) {
        new WebDriverWait(driver, timeout).until(ignored -> loaded());
    }

    private boolean loaded() {
        try {
            return Boolean.TRUE.equals(driver.executeScript(LOADED));
        } catch (WebDriverException betweenPages) {
            // The script may reach neither page while one replaces the other, so the wait tries again.
            return false;
        }
    }
}
