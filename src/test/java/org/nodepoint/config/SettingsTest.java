package org.nodepoint.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {
    private static Settings with(String key, String value) {
        return new Settings(Map.of(key, value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"off", "OFF", "", "NULL", "no", "0", "false", "yes please"})
    void registrations_stay_closed_unless_on(String value) {
        assertThat(with(Settings.ALLOW_REGISTRATIONS, value).allowRegistrations()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"on", "ON", " on "})
    void registrations_open_when_on(String value) {
        assertThat(with(Settings.ALLOW_REGISTRATIONS, value).allowRegistrations()).isTrue();
    }

    @Test
    void absent_switches_are_off() {
        Settings settings = Settings.empty();

        assertThat(settings.allowRegistrations()).isFalse();
        assertThat(settings.guestTickets()).isFalse();
        assertThat(settings.apiImpersonation()).isFalse();
        assertThat(settings.hideClosed()).isFalse();
    }

    @Test
    void configured_only_with_admin_password() {
        assertThat(Settings.empty().isConfigured()).isFalse();
        assertThat(with(Settings.ADMIN_PASSWORD, " ").isConfigured()).isFalse();
        assertThat(with(Settings.ADMIN_PASSWORD, "$argon2id$v=19$m=1024,t=1,p=1$abc$def").isConfigured()).isTrue();
    }

    @Test
    void numbers_fall_back_and_clamp() {
        assertThat(with(Settings.PAGE_LENGTH, "many").pageLength()).isEqualTo(Settings.DEFAULT_PAGE_LENGTH);
        assertThat(with(Settings.PAGE_LENGTH, "100000").pageLength()).isEqualTo(Settings.MAX_PAGE_LENGTH);
        assertThat(with(Settings.SESSION_EXPIRY, "0").sessionExpiryHours()).isEqualTo(1);
        assertThat(with(Settings.SESSION_EXPIRY, "").sessionExpiryHours()).isEqualTo(12);
        assertThat(with(Settings.DEFAULT_LEVEL, "6").defaultLevel()).isEqualTo(5);
    }

    @Test
    void summary_level_falls_back_and_clamps() {
        assertThat(Settings.empty().userDetailsLevel()).isEqualTo(5);
        assertThat(with(Settings.USER_DETAILS_LEVEL, "3").userDetailsLevel()).isEqualTo(3);
        assertThat(with(Settings.USER_DETAILS_LEVEL, "9").userDetailsLevel()).isEqualTo(5);
        assertThat(with(Settings.USER_DETAILS_LEVEL, "-1").userDetailsLevel()).isEqualTo(0);
        assertThat(with(Settings.USER_DETAILS_LEVEL, "five").userDetailsLevel()).isEqualTo(5);
    }

    @Test
    void names_fall_back_to_defaults() {
        assertThat(Settings.empty().siteName()).isEqualTo("NodePoint");
        assertThat(Settings.empty().adminName()).isEqualTo("admin");
        assertThat(with(Settings.TICKET_VISIBILITY, "Everyone").ticketVisibility()).isEqualTo(TicketVisibility.RESTRICTED);
        assertThat(with(Settings.TICKET_VISIBILITY, "public").ticketVisibility()).isEqualTo(TicketVisibility.PUBLIC);
    }

    @Test
    void absent_keys_give_documented_defaults() {
        Settings settings = Settings.empty();

        assertThat(settings.themeColor()).isEqualTo(ThemeColor.BLUE);
        assertThat(settings.terminology()).isEqualTo(Terminology.DEFAULT);
        assertThat(settings.pageLength()).isEqualTo(50);
        assertThat(settings.pinnedArticleId()).isEmpty();
        assertThat(settings.needAssign()).isFalse();
        assertThat(settings.maxUploadBytes()).isEqualTo(999_000);
        assertThat(settings.uploadExtensions()).isEmpty();
        assertThat(settings.sessionExpiryHours()).isEqualTo(12);
        assertThat(settings.minPasswordLength()).isEqualTo(8);
        assertThat(settings.smtpPort()).isEqualTo(25);
        assertThat(settings.smtpSecurity()).isEqualTo(SmtpSecurity.STARTTLS);
        assertThat(settings.mailEnabled()).isFalse();
        assertThat(settings.directoryEnabled()).isFalse();
        assertThat(settings.stylesheetUrl()).isEmpty();
        assertThat(settings.faviconUrl()).isEmpty();
        assertThat(settings.logoUrl()).isEmpty();
        assertThat(settings.plugin(Plugin.NEW_TICKET)).isEmpty();
    }

    @Test
    void levels_default_as_in_nodepoint_one() {
        Settings settings = Settings.empty();

        assertThat(settings.defaultLevel()).isEqualTo(1);
        assertThat(settings.uploadLevel()).isEqualTo(1);
        assertThat(settings.pastEditLevel()).isEqualTo(5);
        assertThat(settings.customFormsLevel()).isEqualTo(4);
        assertThat(settings.reportsLevel()).isEqualTo(2);
        assertThat(settings.tasksLevel()).isEqualTo(4);
        assertThat(settings.userDetailsLevel()).isEqualTo(5);
        assertThat(settings.clientsLevel()).isEqualTo(2);
        assertThat(settings.clientEventsLevel()).isEqualTo(2);
        assertThat(settings.automationLevel()).isEqualTo(5);
        assertThat(settings.addSecretsLevel()).isEqualTo(4);
        assertThat(settings.viewSecretsLevel()).isEqualTo(2);
    }

    @Test
    void levels_out_of_range_are_clamped() {
        assertThat(with(Settings.REPORTS_LEVEL, "6").reportsLevel()).isEqualTo(5);
        assertThat(with(Settings.VIEW_SECRETS_LEVEL, "-3").viewSecretsLevel()).isEqualTo(0);
        assertThat(with(Settings.USER_DETAILS_LEVEL, "three").userDetailsLevel()).isEqualTo(5);
        assertThat(with(Settings.TASKS_LEVEL, "3").tasksLevel()).isEqualTo(3);
    }

    @Test
    void absent_component_is_on() {
        assertThat(Settings.empty().isEnabled(Component.TICKETS)).isTrue();
        assertThat(Settings.empty().enabledComponents()).containsExactly(Component.values());
    }

    @ParameterizedTest
    @ValueSource(strings = {"off", "", "NULL", "no"})
    void present_component_is_off_unless_on(String value) {
        Settings settings = new Settings(java.util.Map.of("comp_tickets", value.equals("NULL") ? "" : value));

        assertThat(settings.isEnabled(Component.TICKETS)).isFalse();
        assertThat(settings.enabledComponents()).doesNotContain(Component.TICKETS).contains(Component.FILES);
    }

    @Test
    void appearance_values_are_parsed() {
        assertThat(with(Settings.THEME_COLOR, "4").themeColor()).isEqualTo(ThemeColor.ORANGE);
        assertThat(with(Settings.THEME_COLOR, "9").themeColor()).isEqualTo(ThemeColor.BLUE);
        assertThat(with(Settings.TERMINOLOGY, "Resources with locations and updates").terminology()).isEqualTo(Terminology.RESOURCES);
        assertThat(with(Settings.TERMINOLOGY, "Widgets").terminology()).isEqualTo(Terminology.DEFAULT);
        assertThat(with(Settings.PINNED_ARTICLE, "17").pinnedArticleId()).hasValue(17);
        assertThat(with(Settings.PINNED_ARTICLE, "0").pinnedArticleId()).isEmpty();
    }

    @Test
    void nodepoint_one_asset_defaults_are_ignored() {
        assertThat(with(Settings.STYLESHEET, "default.css").stylesheetUrl()).isEmpty();
        assertThat(with(Settings.FAVICON, "favicon.gif").faviconUrl()).isEmpty();
        assertThat(with(Settings.LOGO, "javascript:alert(1)").logoUrl()).isEmpty();
        assertThat(with(Settings.LOGO, "/static/logo.png").logoUrl()).isEqualTo("/static/logo.png");
    }

    @Test
    void upload_extensions_are_normalised() {
        assertThat(with(Settings.UPLOAD_EXTENSIONS, " .PDF, png  txt,,").uploadExtensions()).containsExactly("pdf", "png", "txt");
    }

    @Test
    void numbers_out_of_range_fall_back() {
        assertThat(with(Settings.MAX_UPLOAD_SIZE, "0").maxUploadBytes()).isEqualTo(999_000);
        assertThat(with(Settings.MAX_UPLOAD_SIZE, "99999999999").maxUploadBytes()).isEqualTo(Settings.MAX_UPLOAD_BYTES);
        assertThat(with(Settings.SMTP_PORT, "70000").smtpPort()).isEqualTo(25);
        assertThat(with(Settings.MIN_PASSWORD_LENGTH, "3").minPasswordLength()).isEqualTo(6);
        assertThat(with(Settings.MIN_PASSWORD_LENGTH, "500").minPasswordLength()).isEqualTo(128);
    }

    @Test
    void directory_needs_server_and_domain() {
        assertThat(with(Settings.AD_SERVER, "dc1.corp.example").directoryEnabled()).isFalse();
        assertThat(new Settings(java.util.Map.of(Settings.AD_SERVER, "dc1", Settings.AD_DOMAIN, "CORP")).directoryEnabled()).isTrue();
    }
}
