package org.nodepoint.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nodepoint.admin.SettingsField.Kind;
import org.nodepoint.config.Settings;
import org.nodepoint.errors.FieldErrors;

class SettingsRulesTest {
    private static SettingsField field(String key) {
        return SettingsCatalogue.FIELDS.stream().filter(field -> field.key().equals(key)).findFirst().orElseThrow();
    }

    private static FieldErrors check(String key, String value) {
        FieldErrors errors = new FieldErrors();
        SettingsRules.check(field(key), value, errors);
        return errors;
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "site_name|Help Desk",
        "motd|''",
        "theme_color|5",
        "logo|''",
        "logo|/static/logo.png",
        "logo|https://cdn.example.com/a/logo.png?v=2",
        "items_managed|''",
        "items_managed|Projects with goals and milestones",
        "page_len|5",
        "page_len|500",
        "pinned_article|''",
        "pinned_article|42",
        "default_vis|Restricted",
        "max_size|1073741824",
        "upload_exts|pdf, .PNG txt",
        "report_lvl|0",
        "view_secrets|5",
        "session_expiry|720",
        "min_password_length|6",
        "api_imp|on",
        "api_imp|off",
        "smtp_server|mail.example.com",
        "smtp_server|192.0.2.10",
        "smtp_server|[2001:db8::1]",
        "smtp_port|65535",
        "smtp_tls|none",
        "smtp_from|helpdesk@example.com",
        "smtp_pass|s3cret with inner space",
        "ad_domain|CORP",
        "ad_domain|corp.example_1",
        "ext_plugin|echo %message% >> /var/log/np.log",
        "comp_billing|off",
        "time_zone|''",
        "time_zone|Europe/Berlin",
        "time_zone|UTC",
        "backup_time|''",
        "backup_time|00:00",
        "backup_time|23:59",
        "backup_keep|1",
        "backup_keep|365"
    })
    void valid_values_pass(String key, String value) {
        assertThat(check(key, value).isEmpty()).isTrue();
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "site_name|''|settings.invalid.required",
        "theme_color|6|settings.invalid.choice",
        "logo|javascript:alert(1)|settings.invalid.assetUrl",
        "logo|JAVASCRIPT:alert(1)|settings.invalid.assetUrl",
        "logo|data:image/png;base64,AAAA|settings.invalid.assetUrl",
        "logo|//evil.example/x.png|settings.invalid.assetUrl",
        "logo|/\\evil.example/x.png|settings.invalid.assetUrl",
        "logo|logo.png|settings.invalid.assetUrl",
        "logo|http://cdn.example.com/logo.png|settings.invalid.assetUrl",
        "logo|https://user@cdn.example.com/logo.png|settings.invalid.assetUrl",
        "logo|https://[::1]/logo.png|settings.invalid.assetUrl",
        "logo|/static/\"onerror=x.png|settings.invalid.assetUrl",
        "items_managed|Products|settings.invalid.choice",
        "page_len|4|settings.invalid.number",
        "page_len|-5|settings.invalid.number",
        "page_len|5.0|settings.invalid.number",
        "page_len|99999999999999999999|settings.invalid.number",
        "pinned_article|0|settings.invalid.optionalNumber",
        "default_vis|public|settings.invalid.choice",
        "max_size|0|settings.invalid.number",
        "max_size|1073741825|settings.invalid.number",
        "upload_exts|p*f|settings.invalid.extensions",
        "upload_exts|averyveryverylongextension|settings.invalid.extensions",
        "report_lvl|6|settings.invalid.level",
        "report_lvl|one|settings.invalid.level",
        "session_expiry|0|settings.invalid.number",
        "min_password_length|129|settings.invalid.number",
        "api_imp|yes|settings.invalid.switch",
        "api_imp|ON|settings.invalid.switch",
        "smtp_server|mail server|settings.invalid.host",
        "smtp_server|-mail.example.com|settings.invalid.host",
        "smtp_port|0|settings.invalid.number",
        "smtp_tls|tls|settings.invalid.choice",
        "smtp_from|helpdesk|settings.invalid.email",
        "smtp_pass|' padded'|settings.invalid.secretSpaces",
        "ad_domain|-CORP|settings.invalid.domain",
        "ad_domain|CORP\\users|settings.invalid.domain",
        "time_zone|Mars/Olympus|settings.invalid.timeZone",
        "time_zone|Europe/../etc|settings.invalid.timeZone",
        "backup_time|24:00|settings.invalid.timeOfDay",
        "backup_time|2:30|settings.invalid.timeOfDay",
        "backup_time|02:30:00|settings.invalid.timeOfDay",
        "backup_time|02h30|settings.invalid.timeOfDay",
        "backup_keep|0|settings.invalid.number",
        "backup_keep|366|settings.invalid.number"
    })
    void invalid_values_fail(String key, String value, String messageKey) {
        FieldErrors errors = check(key, value);

        assertThat(errors.has(key)).isTrue();
        assertThat(errors.get(key).key()).isEqualTo(messageKey);
        assertThat(errors.get(key).args().get(0)).isEqualTo(new FieldErrors.Label("settings." + key));
    }

    @Test
    void overlong_text_fails_for_each_limit() {
        record Limit(String key, int max) {
        }
        for (Limit limit : List.of(new Limit("site_name", 100), new Limit("motd", 1000), new Limit("email_sig", 1000),
                new Limit("smtp_user", 200), new Limit("smtp_pass", 200), new Limit("ticket_plugin", 1000))) {
            assertThat(check(limit.key(), "x".repeat(limit.max())).isEmpty()).as(limit.key()).isTrue();

            FieldErrors errors = check(limit.key(), "x".repeat(limit.max() + 1));

            assertThat(errors.get(limit.key()).key()).as(limit.key()).isEqualTo("settings.invalid.length");
            assertThat(errors.get(limit.key()).args()).as(limit.key()).contains((long) limit.max());
        }
    }

    @Test
    void overlong_url_fails() {
        assertThat(check("favicon", "/" + "a".repeat(500)).get("favicon").key()).isEqualTo("settings.invalid.assetUrl");
    }

    @Test
    void control_characters_fail_everywhere() {
        for (SettingsField field : SettingsCatalogue.FIELDS) {
            FieldErrors errors = check(field.key(), "a\tb");

            assertThat(errors.get(field.key()).key()).as(field.key()).isEqualTo("settings.invalid.singleLine");
        }
    }

    @Test
    void missing_value_fails_everywhere() {
        for (SettingsField field : SettingsCatalogue.FIELDS) {
            assertThat(check(field.key(), null).get(field.key()).key()).as(field.key()).isEqualTo("settings.invalid.missing");
        }
    }

    @Test
    void numbers_are_stored_without_leading_zeros() {
        assertThat(SettingsRules.normalize(field(Settings.PAGE_LENGTH), "050")).isEqualTo("50");
        assertThat(SettingsRules.normalize(field(Settings.REPORTS_LEVEL), "03")).isEqualTo("3");
        assertThat(SettingsRules.normalize(field(Settings.PINNED_ARTICLE), "")).isEmpty();
        assertThat(SettingsRules.normalize(field(Settings.SITE_NAME), "007 Desk")).isEqualTo("007 Desk");
    }

    @Test
    void catalogue_covers_the_documented_keys() {
        List<String> keys = SettingsCatalogue.FIELDS.stream().map(SettingsField::key).toList();

        assertThat(keys).doesNotHaveDuplicates();
        assertThat(keys).contains("site_name", "motd", "theme_color", "css_template", "favicon", "logo", "items_managed", "page_len",
                "pinned_article", "hide_close", "default_vis", "allow_registrations", "guest_tickets", "need_assign", "session_expiry",
                "max_size", "upload_exts", "api_imp", "default_lvl", "upload_lvl", "past_lvl", "customs_lvl", "report_lvl", "tasks_lvl",
                "summary_lvl", "client_lvl", "events_lvl", "auto_lvl", "add_secrets", "view_secrets", "min_password_length",
                "smtp_server", "smtp_port", "smtp_user", "smtp_pass", "smtp_from", "email_sig", "smtp_tls", "ad_server", "ad_domain",
                "auth_plugin", "ext_plugin", "checkout_plugin", "task_plugin", "newticket_plugin", "ticket_plugin", "comp_tickets",
                "comp_articles", "comp_items", "comp_clients", "comp_time", "comp_shoutbox", "comp_steps", "comp_secrets", "comp_files",
                "comp_billing");
        assertThat(keys).doesNotContain("admin_name", "admin_pass", "api_read", "api_write", "db_address", "upload_folder", "enc_key");
        assertThat(SettingsCatalogue.FIELDS).filteredOn(field -> field.kind() == Kind.LEVEL).hasSize(12);
    }
}
