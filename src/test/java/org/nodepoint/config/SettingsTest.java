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
        assertThat(Settings.empty().summaryLevel()).isEqualTo(5);
        assertThat(with(Settings.SUMMARY_LEVEL, "3").summaryLevel()).isEqualTo(3);
        assertThat(with(Settings.SUMMARY_LEVEL, "9").summaryLevel()).isEqualTo(6);
        assertThat(with(Settings.SUMMARY_LEVEL, "-1").summaryLevel()).isEqualTo(0);
        assertThat(with(Settings.SUMMARY_LEVEL, "five").summaryLevel()).isEqualTo(5);
    }

    @Test
    void names_fall_back_to_defaults() {
        assertThat(Settings.empty().siteName()).isEqualTo("NodePoint");
        assertThat(Settings.empty().adminName()).isEqualTo("admin");
        assertThat(with(Settings.TICKET_VISIBILITY, "Everyone").ticketVisibility()).isEqualTo(TicketVisibility.RESTRICTED);
        assertThat(with(Settings.TICKET_VISIBILITY, "public").ticketVisibility()).isEqualTo(TicketVisibility.PUBLIC);
    }
}
