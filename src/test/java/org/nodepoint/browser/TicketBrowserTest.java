package org.nodepoint.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nodepoint.config.Settings;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.tickets.TicketFilter;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Filing, commenting on, updating, finding and following a ticket in Chromium. */
class TicketBrowserTest extends ChromiumTest {

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void fileCommentAndUpdate(Viewport viewport) {
        use(viewport);
        Product product = node.product("Printers", "Public");
        signIn("admin", TestNodePoint.ADMIN_PASSWORD);

        open("/tickets/new?product=" + product.id());
        type("title", "Paper jam on floor 3");
        type("description", "The printer by the lifts jams on every second page.");
        press("File ticket");
        assertThat(driver.findElement(By.tagName("h1")).getText()).endsWith("Paper jam on floor 3");
        assertThat(mainText()).contains("The printer by the lifts jams on every second page.");

        type("comment", "Opened the tray and removed a folded sheet.");
        press("Post comment");
        assertThat(mainText()).contains("Opened the tray and removed a folded sheet.");

        driver.findElement(By.xpath("//main//summary[normalize-space()='Update this ticket']")).click();
        new Select(driver.findElement(By.id("status"))).selectByVisibleText("Open");
        type("note", "Replaced the pickup roller.");
        type("time", "1.5");
        press("Save changes");
        assertThat(mainText()).contains("Replaced the pickup roller.");
        assertThat(driver.findElement(By.cssSelector("main .badge")).getText()).isEqualTo("Open");
        assertThat(driver.findElement(By.id("time-total")).getText()).isEqualTo("1.5");
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void searchFromNavigationBar(Viewport viewport) {
        use(viewport);
        Product product = node.product("Printers", "Public");
        node.ticket(node.admin(), product, "Toner smudges", "Every page from the quokka printer has grey stripes.");
        node.ticket(node.admin(), product, "Printer offline", "The second printer does not answer.");
        signIn("admin", TestNodePoint.ADMIN_PASSWORD);

        WebElement search = driver.findElement(By.name("q"));
        if (!search.isDisplayed()) {
            // On a phone the navigation bar is collapsed behind its toggle button.
            driver.findElement(By.className("navbar-toggler")).click();
            new WebDriverWait(driver, java.time.Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOf(search));
        }
        search.sendKeys("quokka");
        PageLoad load = markPage();
        search.sendKeys(Keys.ENTER);
        awaitNewPage(load);
        checkPage();

        assertThat(driver.getCurrentUrl()).isEqualTo(origin + "/search?q=quokka");
        assertThat(mainText()).contains("Toner smudges").doesNotContain("Printer offline");
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void followAndListFollowedTickets(Viewport viewport) {
        use(viewport);
        Product product = node.product("Printers", "Public");
        long id = node.ticket(node.admin(), product, "Scanner sends blank pages", "Scans to e-mail arrive empty.");
        node.user("reader", 1);
        signIn("reader", TestNodePoint.PASSWORD);

        open("/tickets/" + id);
        press("Follow");
        assertThat(mainText()).contains("You follow this ticket");

        open("/following");
        assertThat(mainText()).contains("Scanner sends blank pages");
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void guestFilesFromHomePage(Viewport viewport) {
        use(viewport);
        node.set(Settings.GUEST_TICKETS, "on");
        Product product = node.product("Printers", "Public");

        open("/");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Welcome to Test Desk");
        submit(driver.findElement(By.xpath("//main//a[normalize-space()='New ticket']")));
        submit(driver.findElement(By.linkText(product.name())));
        type("title", "Guest cannot print");
        type("description", "Printing from the visitor laptop fails.");
        press("File ticket");

        assertThat(node.wiring.tickets.count(node.admin(), TicketFilter.all())).isEqualTo(1);
    }

    @Test
    void ticketFlowByKeyboardAlone() {
        Product product = node.product("Printers", "Public");
        Keyboard keyboard = new Keyboard(driver);

        open("/login");
        keyboard.type("admin").tab().type(TestNodePoint.ADMIN_PASSWORD).enter();
        checkPage();
        assertThat(driver.getCurrentUrl()).isEqualTo(origin + "/");

        keyboard.tabToLink("New ticket").enter();
        checkPage();
        keyboard.tabToLink(product.name()).enter();
        checkPage();
        keyboard.tabToField("title").type("Keyboard only ticket");
        keyboard.tabToField("description").type("Filed without touching the mouse.");
        keyboard.tabToButton("File ticket").enter();
        checkPage();
        assertThat(driver.findElement(By.tagName("h1")).getText()).endsWith("Keyboard only ticket");

        keyboard.tabToField("comment").type("A comment typed by keyboard.");
        keyboard.tabToButton("Post comment").enter();
        checkPage();
        assertThat(mainText()).contains("A comment typed by keyboard.");

        keyboard.tabToSummary("Update this ticket").enter();
        keyboard.tabToField("time").type("0.25");
        keyboard.tabToButton("Save changes").enter();
        checkPage();
        assertThat(driver.findElement(By.id("time-total")).getText()).isEqualTo("0.25");
    }
}
