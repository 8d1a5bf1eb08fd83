package org.nodepoint.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nodepoint.testing.TestNodePoint;
import org.openqa.selenium.By;

/** Writing and publishing a support article in Chromium, then reading it as a level 1 user. */
class ArticleBrowserTest extends ChromiumTest {

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void publishThenReadAsLevelOne(Viewport viewport) {
        use(viewport);
        node.product("Printers", "Public");
        node.user("reader", 1);

        signIn("admin", TestNodePoint.ADMIN_PASSWORD);
        open("/articles");
        type("title", "Clearing a paper jam");
        press("Create draft");
        assertThat(mainText()).contains("The draft Clearing a paper jam was created.");

        type("body", "Open the **front tray** and pull the sheet towards you.");
        driver.findElement(By.id("published")).click();
        press("Save");
        assertThat(mainText()).contains("Article Clearing a paper jam was saved.");

        forgetSession();
        signIn("reader", TestNodePoint.PASSWORD);
        open("/articles");
        submit(driver.findElement(By.linkText("Clearing a paper jam")));
        assertThat(driver.findElement(By.id("article-body")).getText()).isEqualTo("Open the front tray and pull the sheet towards you.");
        assertThat(driver.findElement(By.cssSelector("#article-body strong")).getText()).isEqualTo("front tray");
    }
}
