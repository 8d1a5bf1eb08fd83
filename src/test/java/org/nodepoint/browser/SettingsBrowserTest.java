package org.nodepoint.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nodepoint.testing.TestNodePoint;
import org.openqa.selenium.By;

/** The administrator's settings page in Chromium. */
class SettingsBrowserTest extends ChromiumTest {

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void renameSite(Viewport viewport) {
        use(viewport);
        signIn("admin", TestNodePoint.ADMIN_PASSWORD);

        open("/admin/settings");
        type("site_name", "Helpdesk North");
        press("Save settings");

        assertThat(mainText()).contains("Settings saved. Values changed:");
        assertThat(driver.findElement(By.className("navbar-brand")).getText()).isEqualTo("Helpdesk North");
        assertThat(node.settings().siteName()).isEqualTo("Helpdesk North");
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void invalidValueNamesTheField(Viewport viewport) {
        use(viewport);
        signIn("admin", TestNodePoint.ADMIN_PASSWORD);

        open("/admin/settings");
        type("page_len", "many");
        type("site_name", "Helpdesk North");
        press("Save settings");

        assertThat(driver.findElement(By.id("settings-errors")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("page_len")).getAttribute("class")).contains("is-invalid");
        assertThat(node.settings().siteName()).isEqualTo("Test Desk");
    }
}
