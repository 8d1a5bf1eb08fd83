package org.nodepoint.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.SystemLogTable.rows;
import static org.nodepoint.testing.SystemLogTable.storedText;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.SystemLogTable.Row;
import org.nodepoint.testing.TestNodePoint;

/** What saving the settings and replacing the API keys leave in the system log, and which values never appear there. */
class SettingsRecordsTest {
    private static final String SMTP_PASSWORD = "smtp-secret-7310";

    @TempDir
    Path folder;

    @Test
    void saved_settings_record_values_not_secrets() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                Browser admin = SettingsForm.signedInAdmin(client.getOrigin());

                Browser.Page saved = SettingsForm.submit(admin, Map.of(Settings.SITE_NAME, "Campus Desk", Settings.PAGE_LENGTH, "20",
                        Settings.SMTP_USER, "mailer", Settings.SMTP_PASSWORD, SMTP_PASSWORD));
                List<Row> rows = rows(admin);

                assertThat(saved.status()).isEqualTo(302);
                assertThat(rows).containsExactly(new Row(rows.get(0).time(), "Settings", "admin",
                        "Changed 4 settings: site_name \"Test Desk\" -> \"Campus Desk\"; page_len \"50\" -> \"20\"; "
                                + "smtp_user \"\" -> \"mailer\"; smtp_pass changed"));
                assertThat(storedText(node)).doesNotContain(SMTP_PASSWORD);
            });
        }
    }

    @Test
    void saving_unchanged_settings_records_nothing() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                Browser admin = SettingsForm.signedInAdmin(client.getOrigin());

                SettingsForm.submit(admin, Map.of());
                SettingsForm.submit(admin, Map.of());

                assertThat(rows(admin)).isEmpty();
            });
        }
    }

    @Test
    void removed_smtp_password_is_named_without_its_value() {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of(Settings.SMTP_PASSWORD, SMTP_PASSWORD))) {
            node.http((server, client) -> {
                Browser admin = SettingsForm.signedInAdmin(client.getOrigin());

                SettingsForm.submit(admin, Map.of(SiteSettingsService.CLEAR_SMTP_PASSWORD, "on"));

                assertThat(rows(admin)).extracting(Row::message).containsExactly("Changed 1 setting: smtp_pass changed");
                assertThat(storedText(node)).doesNotContain(SMTP_PASSWORD);
            });
        }
    }

    @Test
    void new_api_keys_are_only_named() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                Browser admin = SettingsForm.signedInAdmin(client.getOrigin());
                admin.get(SettingsForm.PATH);

                Browser.Page replaced = admin.post(SettingsForm.PATH + "/api-keys", Map.of("confirm", "on"));
                Document keysPage = Jsoup.parse(replaced.body());
                String newReadKey = keysPage.select("#api-read-key").text();
                String newWriteKey = keysPage.select("#api-write-key").text();
                Browser.Page logPage = admin.get("/admin/log");

                assertThat(newReadKey).isNotBlank();
                assertThat(newWriteKey).isNotBlank();
                assertThat(rows(admin)).containsExactly(new Row(rows(admin).get(0).time(), "Settings", "admin",
                        "Changed 2 settings: api_read changed; api_write changed"));
                for (String secret : List.of(newReadKey, newWriteKey, TestNodePoint.READ_KEY, TestNodePoint.WRITE_KEY)) {
                    assertThat(storedText(node)).doesNotContain(secret);
                    assertThat(logPage.body()).doesNotContain(secret);
                }
            });
        }
    }
}
