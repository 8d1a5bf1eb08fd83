package org.nodepoint.auth;

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
import org.nodepoint.users.User;

class RegistrationRoutesTest {
    private static final String PASSWORD = "new-user-password";

    @TempDir
    Path folder;

    private TestNodePoint open() {
        return TestNodePoint.configured(folder, Map.of("allow_registrations", "on"));
    }

    private static Map<String, String> form(String name, String password, String again, String email) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("password", password);
        form.put("password2", again);
        form.put("email", email);
        return form;
    }

    private static Browser.Page register(Browser browser, Map<String, String> form) {
        browser.get("/register");
        return browser.post("/register", form);
    }

    @ParameterizedTest
    @ValueSource(strings = {"off", "", "NULL", "no"})
    void registration_is_hidden_unless_on(String value) {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of("allow_registrations", value))) {
            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());

                Browser.Page form = browser.get("/register");
                browser.get("/login");
                Browser.Page post = browser.post("/register", form("newbie", PASSWORD, PASSWORD, ""));

                assertThat(form.status()).isEqualTo(404);
                assertThat(post.status()).isEqualTo(404);
                assertThat(node.wiring.users.findByName("newbie")).isEmpty();
            });
        }
    }

    @Test
    void registration_creates_signed_in_user() {
        try (TestNodePoint node = open()) {
            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());

                Browser.Page page = register(browser, form("new.user-1", PASSWORD, PASSWORD, "new.user@example.com"));

                assertThat(page.status()).isEqualTo(302);
                assertThat(page.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("np_session="));
                User user = node.wiring.users.findByName("new.user-1").orElseThrow();
                assertThat(user.level()).isEqualTo(1);
                assertThat(user.email()).isEqualTo("new.user@example.com");
                assertThat(user.passwordHash()).startsWith("$argon2id$");
                assertThat(browser.get("/login").status()).isEqualTo(302);
            });
        }
    }

    @Test
    void invalid_names_are_rejected() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("ab", "The user name must be 3 to 20 characters long.");
        cases.put("a".repeat(21), "The user name must be 3 to 20 characters long.");
        cases.put("has space", "The user name may contain only letters, digits, dots and dashes.");
        cases.put("semi;colon", "The user name may contain only letters, digits, dots and dashes.");
        cases.put("Admin", "The name Admin is reserved.");
        cases.put("API", "The name API is reserved.");
        cases.put("guest", "The name guest is reserved.");
        cases.put("System", "The name System is reserved.");
        try (TestNodePoint node = open()) {
            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());
                for (Map.Entry<String, String> invalid : cases.entrySet()) {
                    Browser.Page page = register(browser, form(invalid.getKey(), PASSWORD, PASSWORD, ""));

                    assertThat(page.status()).as(invalid.getKey()).isEqualTo(422);
                    assertThat(page.body()).as(invalid.getKey()).contains("id=\"name-error\"");
                    assertThat(page.body()).as(invalid.getKey()).contains(invalid.getValue());
                }
                int locals = node.wiring.database.read().withHandle(handle ->
                        handle.createQuery("SELECT count(*) FROM users WHERE kind = 'local'").mapTo(Integer.class).one());
                assertThat(locals).isEqualTo(0);
            });
        }
    }

    @Test
    void names_are_unique_ignoring_case() {
        try (TestNodePoint node = open()) {
            node.user("Dana", 1);
            node.http((server, client) -> {
                Browser.Page page = register(new Browser(client.getOrigin()), form("dANA", PASSWORD, PASSWORD, ""));

                assertThat(page.status()).isEqualTo(422);
                assertThat(page.body()).contains("This user name is already taken.");
            });
        }
    }

    /** One rejected password case: the field whose message must appear, and the two values typed. */
    record PasswordCase(String label, String field, String password, String again) {
    }

    @Test
    void password_rules_are_enforced() {
        var cases = java.util.List.of(
                new PasswordCase("seven characters", "password", "seven77", "seven77"),
                new PasswordCase("129 characters", "password", "x".repeat(129), "x".repeat(129)),
                new PasswordCase("confirmation differs", "password2", PASSWORD, PASSWORD + "!"));
        try (TestNodePoint node = open()) {
            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());
                for (PasswordCase invalid : cases) {
                    Browser.Page page = register(browser, form("newbie", invalid.password(), invalid.again(), ""));

                    assertThat(page.status()).as(invalid.label()).isEqualTo(422);
                    assertThat(page.body()).as(invalid.label()).contains("id=\"" + invalid.field() + "-error\"");
                }
                assertThat(node.wiring.users.findByName("newbie")).isEmpty();
            });
        }
    }

    @Test
    void password_length_bounds_are_accepted() {
        try (TestNodePoint node = open()) {
            node.http((server, client) -> {
                String shortest = "p".repeat(8);
                String longest = "q".repeat(128);

                Browser.Page first = register(new Browser(client.getOrigin()), form("shortest", shortest, shortest, ""));
                Browser.Page second = register(new Browser(client.getOrigin()), form("longest", longest, longest, ""));

                assertThat(first.status()).isEqualTo(302);
                assertThat(second.status()).isEqualTo(302);
            });
        }
    }

    @Test
    void email_rules_are_enforced() {
        // 64 characters before the @ (the RFC 5321 limit) and a domain that brings the total to 99.
        String local = "a".repeat(64);
        String domain = "d".repeat(99 - 64 - 1 - ".com".length()) + ".com";
        try (TestNodePoint node = open()) {
            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());

                Browser.Page tooLong = register(browser, form("newbie", PASSWORD, PASSWORD, local + "@x" + domain));
                Browser.Page noDomain = register(browser, form("newbie", PASSWORD, PASSWORD, "newbie@localhost"));
                Browser.Page twoAts = register(browser, form("newbie", PASSWORD, PASSWORD, "new@bie@example.com"));
                Browser.Page longLocalPart = register(browser, form("newbie", PASSWORD, PASSWORD, local + "a@example.com"));
                Browser.Page longest = register(new Browser(client.getOrigin()), form("newbie", PASSWORD, PASSWORD, local + "@" + domain));

                assertThat(tooLong.status()).isEqualTo(422);
                assertThat(tooLong.body()).contains("The e-mail address must be at most 99 characters.");
                assertThat(noDomain.status()).isEqualTo(422);
                assertThat(noDomain.body()).contains("id=\"email-error\"");
                assertThat(twoAts.status()).isEqualTo(422);
                assertThat(longLocalPart.status()).isEqualTo(422);
                assertThat(longLocalPart.body()).contains("id=\"email-error\"");
                assertThat(longest.status()).isEqualTo(302);
            });
        }
    }

    @Test
    void registered_user_can_sign_in_later() {
        try (TestNodePoint node = open()) {
            node.http((server, client) -> {
                register(new Browser(client.getOrigin()), form("newbie", PASSWORD, PASSWORD, ""));

                Browser.Page page = new Browser(client.getOrigin()).signIn("NEWBIE", PASSWORD);

                assertThat(page.status()).isEqualTo(302);
            });
        }
    }
}
