package org.nodepoint.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nodepoint.testing.TestNodePoint;
import org.openqa.selenium.By;

/** First-run setup and sign-in in Chromium, on a data folder that has not been set up. */
class SetupBrowserTest extends ChromiumTest {
    private static final String PASSWORD = "a long admin password";

    @Override
    protected TestNodePoint newNodePoint(Path dataFolder) {
        return TestNodePoint.unconfigured(dataFolder);
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void setupThenSignIn(Viewport viewport) {
        use(viewport);
        open("/");
        assertThat(driver.getCurrentUrl()).isEqualTo(origin + "/setup");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("First-run setup");

        type("setupCode", TestNodePoint.SETUP_CODE);
        type("adminName", "chief");
        type("password", PASSWORD);
        type("password2", PASSWORD);
        type("siteName", "Browser Desk");
        press("Save and continue");
        assertThat(driver.getCurrentUrl()).isEqualTo(origin + "/login");
        assertThat(mainText()).contains("Setup is complete. Sign in as chief.");

        signIn("chief", "not the password");
        assertThat(mainText()).contains("The user name or password is not correct.");

        signIn("chief", PASSWORD);
        assertThat(driver.getCurrentUrl()).isEqualTo(origin + "/");
        assertThat(driver.getTitle()).endsWith("Browser Desk");
        assertThat(driver.findElement(By.className("navbar-brand")).getText()).isEqualTo("Browser Desk");
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void wrongSetupCodeNamesTheField(Viewport viewport) {
        use(viewport);
        open("/setup");
        type("setupCode", "WRONG123");
        type("adminName", "chief");
        type("password", PASSWORD);
        type("password2", PASSWORD);
        press("Save and continue");

        assertThat(mainText()).contains("The setup code is not the one in the server log.");
        assertThat(driver.findElement(By.id("adminName")).getAttribute("value")).isEqualTo("chief");
    }
}
