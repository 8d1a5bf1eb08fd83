package org.nodepoint.browser;

import java.time.Duration;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives a page with the keyboard only: Tab moves the focus, and keys go to the focused element.
 * The tab methods fail when the element cannot be reached within {@link #MAX_TABS} presses, which
 * is how a test finds a control that the keyboard cannot reach.
 */
final class Keyboard {
    private static final int MAX_TABS = 150;
    private static final Duration PAGE_WAIT = Duration.ofSeconds(15);

    /** Returns the focused element's id, lower-case tag name and trimmed text, in one round trip per Tab. */
    private static final String FOCUS = """
            const focused = document.activeElement;
            return [focused.id, focused.tagName.toLowerCase(), focused.innerText.trim()];
            """;

    private final ChromeDriver driver;

    Keyboard(ChromeDriver driver) {
        this.driver = driver;
    }

    Keyboard type(String text) {
        new Actions(driver).sendKeys(text).perform();
        return this;
    }

    Keyboard tab() {
        new Actions(driver).sendKeys(Keys.TAB).perform();
        return this;
    }

    /** Presses Enter and waits for the new page, unless the focus is on a summary, which opens in place. */
    Keyboard enter() {
        boolean onSummary = "summary".equals(focused().getTagName());
        PageLoad load = PageLoad.mark(driver);
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        if (!onSummary) {
            load.await(PAGE_WAIT);
        }
        return this;
    }

    Keyboard tabToLink(String text) {
        return tabTo("a " + text);
    }

    Keyboard tabToButton(String text) {
        return tabTo("button " + text);
    }

    Keyboard tabToSummary(String text) {
        return tabTo("summary " + text);
    }

    Keyboard tabToField(String id) {
        return tabTo("#" + id);
    }

    /**
     * Presses Tab until the focused element matches {@code target}: "#id" for any element, or the
     * lower-case tag name, a space and the element's whole trimmed text.
     */
    private Keyboard tabTo(String target) {
        for (int i = 0; i < MAX_TABS; i++) {
            tab();
            List<?> focus = (List<?>) driver.executeScript(FOCUS);
            if (target.equals("#" + focus.get(0)) || target.equals(focus.get(1) + " " + focus.get(2))) {
                return this;
            }
        }
        return Assertions.fail("Tab did not reach %s within %d presses on %s", target, MAX_TABS, driver.getCurrentUrl());
    }

    private WebElement focused() {
        return driver.switchTo().activeElement();
    }
}
