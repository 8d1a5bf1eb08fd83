package org.nodepoint.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.config.SettingsFile;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;

class SiteSettingsRoutesTest {
    private static final List<String> SECTION_TITLES = List.of("General and appearance", "Tickets and access", "Access levels",
            "Sign-in and sessions", "JSON API", "E-mail (SMTP)", "Directory sign-in", "Plugins", "Components");

    @TempDir
    Path folder;

    private TestNodePoint node;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private Path configFile() {
        return folder.resolve("nodepoint.cfg");
    }

    private byte[] configBytes() {
        try {
            return Files.readAllBytes(configFile());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private Map<String, String> configOnDisk() {
        try {
            return new SettingsFile(configFile()).load();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    @Test
    void page_shows_every_section_to_admin() {
        node.http((server, client) -> {
            Browser browser = SettingsForm.signedInAdmin(client.getOrigin());

            Browser.Page page = browser.get(SettingsForm.PATH);

            assertThat(page.status()).isEqualTo(200);
            Document html = Jsoup.parse(page.body());
            assertThat(html.select("section.card > h2").eachText()).containsExactlyElementsOf(SECTION_TITLES);
            for (SettingsField field : SettingsCatalogue.FIELDS) {
                assertThat(html.select("label[for=" + field.key() + "]")).as(field.key()).hasSize(1);
                assertThat(html.select("#" + field.key() + "-help").text()).as(field.key()).isNotBlank().doesNotContain("[settings.");
            }
            assertThat(page.body()).doesNotContain("[settings.").doesNotContain("[terms.");
        });
    }

    @Test
    void tools_menu_links_settings_for_admin_only() {
        node.user("manager", Level.USERS_MANAGEMENT);
        node.http((server, client) -> {
            Browser admin = SettingsForm.signedInAdmin(client.getOrigin());
            Browser manager = new Browser(client.getOrigin());
            manager.signIn("manager", TestNodePoint.PASSWORD);

            Document adminHome = Jsoup.parse(admin.get("/").body());
            Document managerHome = Jsoup.parse(manager.get("/").body());

            assertThat(adminHome.select("nav .dropdown-menu a[href=/admin/settings]").text()).isEqualTo("Settings");
            assertThat(managerHome.select("a[href=/admin/settings]")).isEmpty();
        });
    }

    @Test
    void page_is_forbidden_below_admin() {
        for (int level = Level.UNAUTHORIZED; level <= Level.USERS_MANAGEMENT; level++) {
            node.user("user" + level, level);
        }
        byte[] before = configBytes();
        node.http((server, client) -> {
            for (int level = Level.UNAUTHORIZED; level <= Level.USERS_MANAGEMENT; level++) {
                Browser browser = new Browser(client.getOrigin());
                browser.signIn("user" + level, TestNodePoint.PASSWORD);
                browser.get("/");

                Browser.Page form = browser.get(SettingsForm.PATH);
                Browser.Page save = browser.post(SettingsForm.PATH, Map.of(Settings.SITE_NAME, "Taken over"));
                Browser.Page keys = browser.post(SettingsForm.PATH + "/api-keys", Map.of("confirm", "on"));

                assertThat(form.status()).as("GET at level %d", level).isEqualTo(403);
                assertThat(save.status()).as("POST at level %d", level).isEqualTo(403);
                assertThat(keys.status()).as("key POST at level %d", level).isEqualTo(403);
            }
        });
        assertThat(configBytes()).isEqualTo(before);
    }

    @Test
    void guest_is_sent_to_sign_in() {
        node.http((server, client) -> {
            Browser guest = new Browser(client.getOrigin());

            Browser.Page page = guest.get(SettingsForm.PATH);
            Browser.Page save = guest.post(SettingsForm.PATH, Map.of(Settings.SITE_NAME, "Taken over"));

            assertThat(page.status()).isEqualTo(302);
            assertThat(page.location()).isEqualTo("/login?next=%2Fadmin%2Fsettings");
            assertThat(save.status()).isEqualTo(403);
            assertThat(node.settings().siteName()).isEqualTo("Test Desk");
        });
    }

    @Test
    void saved_settings_survive_restart() {
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put(Settings.SITE_NAME, "East Wing Desk");
        changes.put(Settings.NOTICE, "Maintenance on Friday");
        changes.put(Settings.THEME_COLOR, "2");
        changes.put(Settings.LOGO, "https://cdn.example.com/logo.png");
        changes.put(Settings.TERMINOLOGY, "Assets with types and instances");
        changes.put(Settings.PAGE_LENGTH, "25");
        changes.put(Settings.REPORTS_LEVEL, "4");
        changes.put(Settings.SMTP_SERVER, "mail.example.com");
        changes.put(Settings.SMTP_PORT, "587");
        changes.put(Settings.SMTP_PASSWORD, "smtp-secret-1");
        changes.put(Settings.SMTP_SECURITY, "smtps");
        changes.put(Settings.MIN_PASSWORD_LENGTH, "12");
        changes.put(Settings.ALLOW_REGISTRATIONS, "on");
        changes.put("comp_files", "off");
        node.http((server, client) -> {
            Browser.Page saved = SettingsForm.submit(SettingsForm.signedInAdmin(client.getOrigin()), changes);

            assertThat(saved.status()).isEqualTo(302);
            assertThat(saved.location()).isEqualTo(SettingsForm.PATH);
        });
        node.close();

        node = TestNodePoint.reopen(folder);

        Settings reopened = node.settings();
        assertThat(reopened.siteName()).isEqualTo("East Wing Desk");
        assertThat(reopened.notice()).isEqualTo("Maintenance on Friday");
        assertThat(reopened.themeColor().number()).isEqualTo(2);
        assertThat(reopened.logoUrl()).isEqualTo("https://cdn.example.com/logo.png");
        assertThat(reopened.terminology().storedValue()).isEqualTo("Assets with types and instances");
        assertThat(reopened.pageLength()).isEqualTo(25);
        assertThat(reopened.reportsLevel()).isEqualTo(4);
        assertThat(reopened.smtpServer()).isEqualTo("mail.example.com");
        assertThat(reopened.smtpPort()).isEqualTo(587);
        assertThat(reopened.smtpPassword()).isEqualTo("smtp-secret-1");
        assertThat(reopened.smtpSecurity().storedValue()).isEqualTo("smtps");
        assertThat(reopened.minPasswordLength()).isEqualTo(12);
        assertThat(reopened.allowRegistrations()).isTrue();
        assertThat(reopened.isEnabled(org.nodepoint.config.Component.FILES)).isFalse();
        assertThat(configOnDisk()).containsEntry("comp_files", "off").containsEntry("comp_tickets", "on").containsEntry("hide_close", "off");
        node.http((server, client) -> {
            Map<String, String> shown = SettingsForm.load(SettingsForm.signedInAdmin(client.getOrigin()));

            assertThat(shown).containsEntry(Settings.SITE_NAME, "East Wing Desk").containsEntry(Settings.PAGE_LENGTH, "25")
                    .containsEntry(Settings.REPORTS_LEVEL, "4").containsEntry("comp_files", "off");
        });
    }

    /** One rejected value: the field, the value typed and the message that must name what is allowed. */
    record InvalidCase(String label, String key, String value, String message) {
    }

    @Test
    void invalid_value_rejects_whole_form() {
        List<InvalidCase> cases = List.of(
                new InvalidCase("level out of range", Settings.REPORTS_LEVEL, "6",
                        "Reports and statistics must be an access level from 0 to 5."),
                new InvalidCase("negative level", Settings.DEFAULT_LEVEL, "-1", "New users must be an access level from 0 to 5."),
                new InvalidCase("bad port", Settings.SMTP_PORT, "70000", "SMTP port must be a whole number from 1 to 65535."),
                new InvalidCase("port not a number", Settings.SMTP_PORT, "twenty-five", "SMTP port must be a whole number from 1 to 65535."),
                new InvalidCase("bad enum", Settings.SMTP_SECURITY, "ssl3", "Encryption must be one of the listed options."),
                new InvalidCase("bad visibility", Settings.TICKET_VISIBILITY, "Everyone", "Ticket visibility must be one of the listed options."),
                new InvalidCase("bad theme", Settings.THEME_COLOR, "9", "Theme colour must be one of the listed options."),
                new InvalidCase("overlong text", Settings.NOTICE, "n".repeat(1001), "Public notice must be at most 1000 characters."),
                new InvalidCase("empty site name", Settings.SITE_NAME, "", "Site name is required and must be at most 100 characters."),
                new InvalidCase("site name NULL", Settings.SITE_NAME, "NULL",
                        "Site name cannot be the text NULL, because the settings file uses it for an empty value."),
                new InvalidCase("SMTP password NULL", Settings.SMTP_PASSWORD, "NULL",
                        "SMTP password cannot be the text NULL, because the settings file uses it for an empty value."),
                new InvalidCase("javascript logo", Settings.LOGO, "javascript:alert(1)", "Logo must be empty, a path on this site"),
                new InvalidCase("protocol-relative favicon", Settings.FAVICON, "//evil.example/icon.png", "Favicon must be empty, a path on this site"),
                new InvalidCase("http style sheet", Settings.STYLESHEET, "http://cdn.example.com/site.css", "Extra style sheet must be empty"),
                new InvalidCase("bad page_len", Settings.PAGE_LENGTH, "501", "Rows per page must be a whole number from 5 to 500."),
                new InvalidCase("page_len zero", Settings.PAGE_LENGTH, "0", "Rows per page must be a whole number from 5 to 500."),
                new InvalidCase("bad switch", Settings.ALLOW_REGISTRATIONS, "yes", "Visitors may register must be on or off."),
                new InvalidCase("bad e-mail", Settings.SMTP_FROM, "helpdesk", "Sender address must be empty or an e-mail address"),
                new InvalidCase("bad host", Settings.SMTP_SERVER, "mail server", "SMTP server must be empty or a host name"),
                new InvalidCase("bad extensions", Settings.UPLOAD_EXTENSIONS, "pdf, ../sh", "Allowed file extensions must be empty or extensions"),
                new InvalidCase("line break", "ext_plugin", "echo a\necho b", "Notification command must be one line"),
                new InvalidCase("short password rule", Settings.MIN_PASSWORD_LENGTH, "5", "Minimum password length must be a whole number from 6 to 128."),
                new InvalidCase("long session", Settings.SESSION_EXPIRY, "721", "Session length must be a whole number from 1 to 720."),
                new InvalidCase("bad article", Settings.PINNED_ARTICLE, "x1", "Pinned article must be empty or a whole number from 1 to 2147483647."),
                new InvalidCase("bad terminology", Settings.TERMINOLOGY, "Widgets", "Items managed must be one of the listed options."));
        byte[] before = configBytes();
        node.http((server, client) -> {
            Browser browser = SettingsForm.signedInAdmin(client.getOrigin());
            for (InvalidCase invalid : cases) {
                Map<String, String> changes = new LinkedHashMap<>();
                changes.put(Settings.SITE_NAME, "Not saved");
                changes.put(invalid.key(), invalid.value());

                Browser.Page page = SettingsForm.submit(browser, changes);

                Document html = Jsoup.parse(page.body());
                assertThat(page.status()).as(invalid.label()).isEqualTo(422);
                assertThat(html.select("#" + invalid.key() + "-error").text()).as(invalid.label()).startsWith(invalid.message());
                assertThat(html.select("#settings-errors li").text()).as(invalid.label()).contains(invalid.message());
                if (!invalid.key().equals(Settings.SITE_NAME)) {
                    assertThat(SettingsForm.values(page.body())).as(invalid.label()).containsEntry(Settings.SITE_NAME, "Not saved");
                }
                assertThat(configBytes()).as(invalid.label()).isEqualTo(before);
            }
        });
        assertThat(node.settings().siteName()).isEqualTo("Test Desk");
    }

    @Test
    void typed_values_are_shown_again() {
        node.http((server, client) -> {
            Browser browser = SettingsForm.signedInAdmin(client.getOrigin());

            Browser.Page page = SettingsForm.submit(browser, Map.of(Settings.SMTP_PORT, "not-a-port", Settings.PAGE_LENGTH, "12",
                    Settings.REPORTS_LEVEL, "3", "comp_items", "off"));

            Map<String, String> shown = SettingsForm.values(page.body());
            assertThat(page.status()).isEqualTo(422);
            assertThat(shown).containsEntry(Settings.SMTP_PORT, "not-a-port").containsEntry(Settings.PAGE_LENGTH, "12")
                    .containsEntry(Settings.REPORTS_LEVEL, "3").containsEntry("comp_items", "off");
            assertThat(node.settings().pageLength()).isEqualTo(Settings.DEFAULT_PAGE_LENGTH);
        });
    }

    @Test
    void missing_field_rejects_form() {
        byte[] before = configBytes();
        node.http((server, client) -> {
            Browser browser = SettingsForm.signedInAdmin(client.getOrigin());
            Map<String, String> values = SettingsForm.load(browser);
            values.remove("comp_tickets");
            values.remove(Settings.SMTP_PORT);

            Browser.Page page = browser.post(SettingsForm.PATH, values);

            assertThat(page.status()).isEqualTo(422);
            assertThat(page.body()).contains("Tickets was missing from the submitted form.");
            assertThat(page.body()).contains("SMTP port was missing from the submitted form.");
        });
        assertThat(configBytes()).isEqualTo(before);
    }

    @Test
    void unknown_keys_are_kept() {
        node.set("article_html", "off");
        node.set("x_custom_key", "kept value");
        String adminHash = node.settings().adminPasswordHash();
        node.http((server, client) -> {
            Browser.Page saved = SettingsForm.submit(SettingsForm.signedInAdmin(client.getOrigin()), Map.of(Settings.SITE_NAME, "Renamed"));

            assertThat(saved.status()).isEqualTo(302);
        });

        Map<String, String> onDisk = configOnDisk();
        assertThat(onDisk).containsEntry(Settings.SITE_NAME, "Renamed");
        assertThat(onDisk).containsEntry("x_custom_key", "kept value").containsEntry("article_html", "off");
        assertThat(onDisk).containsEntry(Settings.ADMIN_PASSWORD, adminHash).containsEntry(Settings.ADMIN_NAME, "admin");
        assertThat(onDisk).containsEntry(Settings.API_READ_KEY, TestNodePoint.READ_KEY).containsEntry(Settings.API_WRITE_KEY, TestNodePoint.WRITE_KEY);
        assertThat(onDisk).containsEntry(Settings.DB_ADDRESS, "db/nodepoint.db").containsEntry(Settings.UPLOAD_FOLDER, "uploads");
    }

    @Test
    void smtp_password_is_never_shown() {
        String secret = "Sm7p-Pa55word-Xq";
        node.set(Settings.SMTP_PASSWORD, secret);
        node.http((server, client) -> {
            Browser browser = SettingsForm.signedInAdmin(client.getOrigin());

            Browser.Page page = browser.get(SettingsForm.PATH);
            Browser.Page invalid = SettingsForm.submit(browser, Map.of(Settings.SMTP_PASSWORD, "typed-" + secret, Settings.SMTP_PORT, "0"));

            assertThat(page.body()).doesNotContain(secret);
            assertThat(Jsoup.parse(page.body()).select("#smtp_pass").attr("value")).isEmpty();
            assertThat(page.body()).contains("A password is stored.");
            assertThat(invalid.status()).isEqualTo(422);
            assertThat(invalid.body()).doesNotContain(secret);
        });
    }

    @Test
    void empty_smtp_password_keeps_stored_one() {
        node.set(Settings.SMTP_PASSWORD, "stored-secret");
        node.http((server, client) -> {
            Browser.Page saved = SettingsForm.submit(SettingsForm.signedInAdmin(client.getOrigin()),
                    Map.of(Settings.SMTP_PASSWORD, "", Settings.SMTP_USER, "mailer"));

            assertThat(saved.status()).isEqualTo(302);
        });

        assertThat(configOnDisk()).containsEntry(Settings.SMTP_PASSWORD, "stored-secret").containsEntry(Settings.SMTP_USER, "mailer");
    }

    @Test
    void clear_box_removes_smtp_password() {
        node.set(Settings.SMTP_PASSWORD, "stored-secret");
        node.http((server, client) -> {
            Browser browser = SettingsForm.signedInAdmin(client.getOrigin());

            Browser.Page both = SettingsForm.submit(browser, Map.of(Settings.SMTP_PASSWORD, "new-secret", "smtp_pass_clear", "on"));
            Browser.Page cleared = SettingsForm.submit(browser, Map.of("smtp_pass_clear", "on"));

            assertThat(both.status()).isEqualTo(422);
            assertThat(both.body()).contains("type a new password or tick");
            assertThat(cleared.status()).isEqualTo(302);
            assertThat(node.settings().smtpPassword()).isEmpty();
            assertThat(browser.get(SettingsForm.PATH).body()).contains("No password is stored.");
        });
    }

    @Test
    void smtp_password_with_outer_space_is_rejected() {
        node.http((server, client) -> {
            Browser.Page page = SettingsForm.submit(SettingsForm.signedInAdmin(client.getOrigin()), Map.of(Settings.SMTP_PASSWORD, " padded"));

            assertThat(page.status()).isEqualTo(422);
            assertThat(page.body()).contains("SMTP password cannot start or end with a space");
        });
    }

    @Test
    void directory_server_needs_domain_or_filter() {
        node.http((server, client) -> {
            Browser.Page page = SettingsForm.submit(SettingsForm.signedInAdmin(client.getOrigin()), Map.of(Settings.AD_SERVER, "dc1.corp.example"));

            assertThat(page.status()).isEqualTo(422);
            assertThat(Jsoup.parse(page.body()).select("#ad_domain-error").text())
                    .isEqualTo("A directory server needs either a domain (Active Directory) or a user filter (LDAP search). Fill in one, "
                            + "or empty the server.");
        });
    }

    @Test
    void missing_csrf_token_saves_nothing() {
        byte[] before = configBytes();
        node.http((server, client) -> {
            Browser browser = SettingsForm.signedInAdmin(client.getOrigin());
            Map<String, String> values = SettingsForm.load(browser);
            values.put(Settings.SITE_NAME, "Forged");
            values.remove("_csrf");

            Browser.Page save = browser.postRaw(SettingsForm.PATH, values);
            Browser.Page keys = browser.postRaw(SettingsForm.PATH + "/api-keys", Map.of("confirm", "on"));

            assertThat(save.status()).isEqualTo(403);
            assertThat(keys.status()).isEqualTo(403);
        });
        assertThat(configBytes()).isEqualTo(before);
        assertThat(node.settings().apiReadKey()).isEqualTo(TestNodePoint.READ_KEY);
    }

    @Test
    void regenerated_keys_replace_old_ones() {
        node.product("Laptops", "Public");
        node.http((server, client) -> {
            Browser browser = SettingsForm.signedInAdmin(client.getOrigin());
            browser.get(SettingsForm.PATH);
            Browser api = new Browser(client.getOrigin());
            String oldCall = "/?api=list_products&key=" + TestNodePoint.READ_KEY;
            assertThat(api.get(oldCall).body()).contains("\"status\": \"OK\"");

            Browser.Page page = browser.post(SettingsForm.PATH + "/api-keys", Map.of("confirm", "on"));

            Document html = Jsoup.parse(page.body());
            String readKey = html.select("#api-read-key").text();
            String writeKey = html.select("#api-write-key").text();
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(readKey).matches("[A-Za-z0-9]{32}").isNotEqualTo(TestNodePoint.READ_KEY);
            assertThat(writeKey).matches("[A-Za-z0-9]{32}").isNotEqualTo(TestNodePoint.WRITE_KEY).isNotEqualTo(readKey);
            assertThat(configOnDisk()).containsEntry(Settings.API_READ_KEY, readKey).containsEntry(Settings.API_WRITE_KEY, writeKey);
            assertThat(api.get(oldCall).body()).doesNotContain("\"status\": \"OK\"");
            assertThat(api.get("/?api=list_products&key=" + readKey).body()).contains("\"status\": \"OK\"");
            assertThat(browser.get(SettingsForm.PATH).body()).doesNotContain(readKey).doesNotContain(writeKey);
        });
    }

    @Test
    void key_regeneration_needs_confirmation() {
        node.http((server, client) -> {
            Browser browser = SettingsForm.signedInAdmin(client.getOrigin());
            browser.get(SettingsForm.PATH);

            Browser.Page page = browser.post(SettingsForm.PATH + "/api-keys", Map.of());

            assertThat(page.status()).isEqualTo(302);
            assertThat(node.settings().apiReadKey()).isEqualTo(TestNodePoint.READ_KEY);
            assertThat(browser.get(SettingsForm.PATH).body()).contains("No new keys were generated.");
        });
    }

    @Test
    void concurrent_saves_keep_a_whole_file() {
        node.http((server, client) -> {
            List<Browser> admins = List.of(SettingsForm.signedInAdmin(client.getOrigin()), SettingsForm.signedInAdmin(client.getOrigin()));
            List<Map<String, String>> forms = new ArrayList<>();
            for (int i = 0; i < admins.size(); i++) {
                Map<String, String> values = SettingsForm.load(admins.get(i));
                values.put(Settings.SITE_NAME, "Desk " + i);
                values.put(Settings.NOTICE, "Notice " + i);
                forms.add(values);
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < admins.size(); i++) {
                Browser admin = admins.get(i);
                Map<String, String> form = forms.get(i);
                Thread thread = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    for (int round = 0; round < 10; round++) {
                        statuses.add(admin.post(SettingsForm.PATH, form).status());
                    }
                });
                thread.start();
                threads.add(thread);
            }

            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }

            assertThat(statuses).hasSize(20).containsOnly(302);
            Map<String, String> onDisk = configOnDisk();
            String winner = onDisk.get(Settings.SITE_NAME).substring("Desk ".length());
            assertThat(onDisk).containsEntry(Settings.NOTICE, "Notice " + winner);
            assertThat(onDisk).containsEntry(Settings.ADMIN_PASSWORD, node.settings().adminPasswordHash());
            assertThat(onDisk.keySet()).containsAll(SettingsCatalogue.FIELDS.stream()
                    .filter(field -> field.kind() != SettingsField.Kind.SECRET).map(SettingsField::key).toList());
            assertThat(node.settings().asMap()).isEqualTo(onDisk);
        });
    }
}
