package org.nodepoint.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestDirectory;
import org.nodepoint.testing.TestNodePoint;

/** The directory section of the settings page and its "Test connection" button. */
class DirectorySettingsTest {
    private static final String TEST_ROUTE = "/admin/settings/test-directory";

    @TempDir
    Path folder;

    private TestDirectory directory;
    private TestNodePoint node;

    @BeforeEach
    void start() throws Exception {
        directory = new TestDirectory();
        node = TestNodePoint.configured(folder.resolve("data"));
    }

    @AfterEach
    void stop() {
        node.close();
        directory.close();
    }

    private static String errorOf(Browser.Page page, String key) {
        return Jsoup.parse(page.body()).select("#" + key + "-error").text();
    }

    private Browser.Page save(Browser browser, Map<String, String> changes) {
        return SettingsForm.submit(browser, changes);
    }

    /** Presses the button as the settings page does, with the CSRF token of the page. */
    private static Browser.Page pressTest(Browser browser) {
        browser.get(SettingsForm.PATH);
        return browser.post(TEST_ROUTE, Map.of());
    }

    @Test
    void bind_password_is_stored_never_shown() {
        node.http((server, client) -> {
            Browser browser = SettingsForm.signedInAdmin(client.getOrigin());

            Browser.Page saved = save(browser, directory.searchSettings());
            Browser.Page page = browser.get(SettingsForm.PATH);

            assertThat(saved.status()).isEqualTo(302);
            assertThat(node.settings().ldapBindPassword()).isEqualTo(TestDirectory.SERVICE_PASSWORD);
            assertThat(page.body()).doesNotContain(TestDirectory.SERVICE_PASSWORD);
            assertThat(Jsoup.parse(page.body()).select("#ldap_bind_pass").attr("value")).isEmpty();
            String logged = node.wiring.systemLog.newest(0, 1).get(0).message();
            assertThat(logged).contains("ldap_bind_pass changed").doesNotContain(TestDirectory.SERVICE_PASSWORD);
        });
    }

    @Test
    void invalid_values_name_their_field() {
        Map<String, String> changes = new LinkedHashMap<>(directory.searchSettings());
        changes.put(Settings.LDAP_BASE_DN, "people of corp");
        changes.put(Settings.LDAP_USER_FILTER, "(uid=alice)");
        changes.put(Settings.AD_CA_CERTIFICATE, "-----BEGIN CERTIFICATE----- bm90IGEgY2VydA== -----END CERTIFICATE-----");
        changes.put(Settings.AD_PORT, "70000");
        changes.put("auth_plugin", "/opt/check %user% %pass%");
        node.http((server, client) -> {
            Browser.Page page = save(SettingsForm.signedInAdmin(client.getOrigin()), changes);

            assertThat(page.status()).isEqualTo(422);
            assertThat(errorOf(page, Settings.LDAP_BASE_DN)).startsWith("Base DN must be empty or a distinguished name");
            assertThat(errorOf(page, Settings.LDAP_USER_FILTER)).startsWith("User filter must be empty or an LDAP filter that contains {user}");
            assertThat(errorOf(page, Settings.AD_CA_CERTIFICATE))
                    .isEqualTo("Trusted CA certificate is invalid. Certificate 1 is not a valid X.509 certificate in PEM form.");
            assertThat(errorOf(page, Settings.AD_PORT)).isEqualTo("Port must be empty or a whole number from 1 to 65535.");
            assertThat(errorOf(page, "auth_plugin")).startsWith("The authentication command cannot contain %pass%");
            assertThat(node.settings().adServer()).isEmpty();
        });
    }

    @Test
    void certificate_path_must_exist() {
        Map<String, String> changes = new LinkedHashMap<>(directory.searchSettings());
        changes.put(Settings.AD_CA_CERTIFICATE, folder.resolve("missing.pem").toString());
        node.http((server, client) -> {
            Browser.Page page = save(SettingsForm.signedInAdmin(client.getOrigin()), changes);

            assertThat(page.status()).isEqualTo(422);
            assertThat(errorOf(page, Settings.AD_CA_CERTIFICATE)).isEqualTo("Trusted CA certificate is invalid. The file "
                    + folder.resolve("missing.pem") + " does not exist or is not a regular file.");
        });
    }

    @Test
    void certificate_file_and_pasted_pem_save() throws Exception {
        Path pemFile = folder.resolve("ca.pem");
        Files.writeString(pemFile, directory.certificatePem());
        node.http((server, client) -> {
            Browser browser = SettingsForm.signedInAdmin(client.getOrigin());

            Browser.Page fromFile = save(browser, Map.of(Settings.AD_CA_CERTIFICATE, pemFile.toString()));
            String afterFile = node.settings().adCaCertificate();
            Browser.Page pasted = save(browser, Map.of(Settings.AD_CA_CERTIFICATE, directory.certificatePem()));

            assertThat(fromFile.status()).isEqualTo(302);
            assertThat(afterFile).isEqualTo(pemFile.toString());
            assertThat(pasted.status()).isEqualTo(302);
            assertThat(node.settings().adCaCertificate()).startsWith("-----BEGIN CERTIFICATE----- ").doesNotContain("\n");
        });
        assertThat(Files.readString(folder.resolve("data").resolve("nodepoint.cfg"))).contains("ad_ca_cert -----BEGIN CERTIFICATE-----");
    }

    @Test
    void cross_field_rules() {
        Map<String, String> both = new LinkedHashMap<>(directory.searchSettings());
        both.put(Settings.AD_DOMAIN, "CORP");
        Map<String, String> noPassword = new LinkedHashMap<>(directory.searchSettings());
        noPassword.put(Settings.LDAP_BIND_PASSWORD, "");
        noPassword.put(Settings.LDAP_BASE_DN, "");
        Map<String, String> noServer = Map.of(Settings.AD_DOMAIN, "CORP");
        node.http((server, client) -> {
            Browser browser = SettingsForm.signedInAdmin(client.getOrigin());

            Browser.Page bothPage = save(browser, both);
            Browser.Page noPasswordPage = save(browser, noPassword);
            Browser.Page noServerPage = save(browser, noServer);

            assertThat(errorOf(bothPage, Settings.LDAP_USER_FILTER)).isEqualTo(
                    "Set either the domain (Active Directory) or the user filter (LDAP search), not both.");
            assertThat(errorOf(noPasswordPage, Settings.LDAP_BIND_PASSWORD)).startsWith("The bind DN needs its password.");
            assertThat(errorOf(noPasswordPage, Settings.LDAP_BASE_DN)).startsWith("The user filter needs a base DN");
            assertThat(errorOf(noServerPage, Settings.AD_SERVER)).startsWith("The domain and the user filter need a directory server.");
        });
    }

    @Test
    void test_connection_reports_success() {
        node.wiring.settings.update(directory.searchSettings());
        node.http((server, client) -> {
            Browser browser = SettingsForm.signedInAdmin(client.getOrigin());

            Browser.Page tested = pressTest(browser);
            Document page = Jsoup.parse(browser.get(SettingsForm.PATH).body());

            assertThat(tested.status()).isEqualTo(302);
            assertThat(page.select(".alert-success").text()).contains("Connected to the directory at 127.0.0.1:" + directory.ldapPort()
                    + " (none), and the bind DN and password were accepted.");
        });
    }

    @Test
    void test_connection_reports_directory_error() {
        Map<String, String> wrongPassword = new LinkedHashMap<>(directory.searchSettings());
        wrongPassword.put(Settings.LDAP_BIND_PASSWORD, "not-the-service-password");
        node.wiring.settings.update(wrongPassword);
        node.http((server, client) -> {
            Browser browser = SettingsForm.signedInAdmin(client.getOrigin());

            pressTest(browser);
            String rejected = Jsoup.parse(browser.get(SettingsForm.PATH).body()).select(".alert-danger").text();
            int port = directory.ldapPort();
            directory.stop();
            pressTest(browser);
            String refused = Jsoup.parse(browser.get(SettingsForm.PATH).body()).select(".alert-danger").text();

            assertThat(rejected).contains("The directory test failed. The directory at 127.0.0.1:" + port + " (none) rejected the bind DN "
                    + TestDirectory.SERVICE_DN + " or its password.");
            assertThat(refused).contains("The directory test failed. Could not connect to the directory at 127.0.0.1:" + port
                    + " (none): Connection refused");
            assertThat(node.wiring.systemLog.newest(0, 1).get(0).message()).startsWith("Directory connection test failed: Could not connect");
        });
    }

    @Test
    void test_connection_without_directory() {
        node.http((server, client) -> {
            Browser browser = SettingsForm.signedInAdmin(client.getOrigin());

            pressTest(browser);

            assertThat(Jsoup.parse(browser.get(SettingsForm.PATH).body()).select(".alert-danger").text()).contains("No directory is saved.");
        });
    }
}
