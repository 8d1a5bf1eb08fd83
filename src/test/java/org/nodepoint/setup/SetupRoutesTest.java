package org.nodepoint.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;

class SetupRoutesTest {
    private static final String PASSWORD = "setup-password-1";

    @TempDir
    Path folder;

    private static Map<String, String> form(String code) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("setupCode", code);
        form.put("adminName", "chief");
        form.put("password", PASSWORD);
        form.put("password2", PASSWORD);
        form.put("siteName", "Campus Desk");
        form.put("ticketVisibility", "Private");
        return form;
    }

    private static Map<String, String> formWith(String field, String value) {
        Map<String, String> form = form(TestNodePoint.SETUP_CODE);
        form.put(field, value);
        return form;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/login", "/tickets", "/register", "/no-such-page"})
    void pages_redirect_to_setup_until_configured(String path) {
        try (TestNodePoint node = TestNodePoint.unconfigured(folder)) {
            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());

                Browser.Page page = browser.get(path);

                assertThat(page.status()).isEqualTo(302);
                assertThat(page.location()).isEqualTo("/setup");
            });
        }
    }

    @Test
    void setup_page_shows_form() {
        try (TestNodePoint node = TestNodePoint.unconfigured(folder)) {
            node.http((server, client) -> {
                Browser.Page page = new Browser(client.getOrigin()).get("/setup");

                assertThat(page.status()).isEqualTo(200);
                assertThat(page.body()).contains("name=\"setupCode\"");
                assertThat(page.body()).doesNotContain("can only be submitted from the server itself");
            });
        }
    }

    @Test
    void right_code_configures_admin() {
        try (TestNodePoint node = TestNodePoint.unconfigured(folder)) {
            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());
                browser.get("/setup");

                Browser.Page saved = browser.post("/setup", form("testcode"));

                assertThat(saved.status()).isEqualTo(302);
                assertThat(saved.location()).isEqualTo("/login");
                assertThat(node.settings().isConfigured()).isTrue();
                assertThat(node.settings().adminName()).isEqualTo("chief");
                assertThat(node.settings().siteName()).isEqualTo("Campus Desk");
                assertThat(node.settings().get("default_vis")).isEqualTo("Private");
                assertThat(node.settings().get("allow_registrations")).isEqualTo("off");
                assertThat(browser.signIn("chief", PASSWORD).status()).isEqualTo(302);
            });
        }
    }

    @Test
    void wrong_code_is_rejected_and_nothing_stored() {
        try (TestNodePoint node = TestNodePoint.unconfigured(folder)) {
            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());
                browser.get("/setup");

                Browser.Page rejected = browser.post("/setup", form("WRONGCOD"));

                assertThat(rejected.status()).isEqualTo(422);
                assertThat(rejected.body()).contains("The setup code is not the one in the server log");
                assertThat(node.settings().isConfigured()).isFalse();
                assertThat(folder.resolve("nodepoint.cfg")).doesNotExist();
                assertThat(node.wiring.users.findByName("chief")).isEmpty();
            });
        }
    }

    @Test
    void missing_csrf_token_is_rejected() {
        try (TestNodePoint node = TestNodePoint.unconfigured(folder)) {
            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());
                browser.get("/setup");

                Browser.Page rejected = browser.postRaw("/setup", form(TestNodePoint.SETUP_CODE));

                assertThat(rejected.status()).isEqualTo(403);
                assertThat(node.settings().isConfigured()).isFalse();
            });
        }
    }

    @Test
    void invalid_fields_are_named() {
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        cases.put("adminName", formWith("adminName", "x"));
        cases.put("password", formWith("password", "short"));
        cases.put("password2", formWith("password2", "different-password"));
        cases.put("siteName", formWith("siteName", "n".repeat(101)));
        cases.put("ticketVisibility", formWith("ticketVisibility", "Everyone"));
        try (TestNodePoint node = TestNodePoint.unconfigured(folder)) {
            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());
                for (Map.Entry<String, Map<String, String>> invalid : cases.entrySet()) {
                    browser.get("/setup");

                    Browser.Page page = browser.post("/setup", invalid.getValue());

                    assertThat(page.status()).as(invalid.getKey()).isEqualTo(422);
                    assertThat(page.body()).as(invalid.getKey()).contains("id=\"" + invalid.getKey() + "-error\"");
                    assertThat(node.settings().isConfigured()).as(invalid.getKey()).isFalse();
                }
            });
        }
    }

    @Test
    void password_length_message_is_shown() {
        try (TestNodePoint node = TestNodePoint.unconfigured(folder)) {
            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());
                browser.get("/setup");

                Browser.Page page = browser.post("/setup", formWith("password", "short"));

                assertThat(page.body()).contains("The password must be 8 to 128 characters long.");
                assertThat(page.body()).doesNotContain("short\"");
            });
        }
    }

    @Test
    void setup_redirects_home_once_configured() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());

                Browser.Page page = browser.get("/setup");
                browser.get("/login");
                Browser.Page post = browser.post("/setup", form(TestNodePoint.SETUP_CODE));

                assertThat(page.status()).isEqualTo(302);
                assertThat(page.location()).isEqualTo("/");
                assertThat(post.status()).isEqualTo(302);
                assertThat(post.location()).isEqualTo("/");
                assertThat(node.settings().adminName()).isEqualTo("admin");
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "::1", "0:0:0:0:0:0:0:1"})
    void loopback_addresses_are_accepted(String address) {
        assertThat(SetupRoutes.isLoopbackAddress(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.5", "192.168.1.20", "0.0.0.0", "2001:db8::1", "localhost", "", "not an address"})
    void other_addresses_are_rejected(String address) {
        assertThat(SetupRoutes.isLoopbackAddress(address)).isFalse();
    }

    @Test
    void setup_code_ignores_case_and_dashes() {
        SetupCode code = new SetupCode("ABCD2345");

        assertThat(code.matches("abcd-2345")).isTrue();
        assertThat(code.matches(" ABCD2345 ")).isTrue();
        assertThat(code.matches("ABCD2346")).isFalse();
        assertThat(code.matches(null)).isFalse();
        assertThat(code.matches("")).isFalse();
    }

    @Test
    void random_codes_use_unambiguous_letters() {
        String value = SetupCode.random().value();

        assertThat(value).hasSize(8);
        assertThat(value).matches("[A-HJ-NP-Z2-9]{8}");
    }
}
