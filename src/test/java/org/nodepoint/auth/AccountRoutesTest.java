package org.nodepoint.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.ADMIN_PASSWORD;
import static org.nodepoint.testing.TestNodePoint.PASSWORD;

import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.User;

/** The own settings page: password, e-mail address, signing out everywhere, and the demo account. */
class AccountRoutesTest {
    private static final String NEW_PASSWORD = "fresh-password-2";

    @TempDir
    Path folder;

    private static Browser signedIn(String origin, String name, String password) {
        Browser browser = new Browser(origin);
        assertThat(browser.signIn(name, password).status()).as("sign-in of " + name).isEqualTo(302);
        browser.get("/settings");
        return browser;
    }

    private static Map<String, String> passwordForm(String current, String password, String again) {
        return Map.of("current", current, "password", password, "password2", again);
    }

    private static boolean isSignedIn(Browser browser) {
        return browser.get("/settings").status() == 200;
    }

    @Test
    void settings_page_needs_sign_in() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                Browser.Page page = new Browser(client.getOrigin()).get("/settings");

                assertThat(page.location()).isEqualTo("/login?next=%2Fsettings");
            });
        }
    }

    @Test
    void password_change_ends_other_sessions() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser laptop = signedIn(client.getOrigin(), "dana", PASSWORD);
                Browser phone = signedIn(client.getOrigin(), "dana", PASSWORD);

                Browser.Page changed = laptop.post("/settings/password", passwordForm(PASSWORD, NEW_PASSWORD, NEW_PASSWORD));

                assertThat(changed.location()).isEqualTo("/settings");
                assertThat(laptop.get("/settings").body()).contains("Your password was changed.");
                assertThat(isSignedIn(laptop)).isTrue();
                assertThat(isSignedIn(phone)).isFalse();
                assertThat(new Browser(client.getOrigin()).signIn("dana", PASSWORD).status()).isEqualTo(401);
                assertThat(new Browser(client.getOrigin()).signIn("dana", NEW_PASSWORD).status()).isEqualTo(302);
            });
        }
    }

    @Test
    void password_change_replaces_current_session_token() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser dana = signedIn(client.getOrigin(), "dana", PASSWORD);

                Browser.Page changed = dana.post("/settings/password", passwordForm(PASSWORD, NEW_PASSWORD, NEW_PASSWORD));

                assertThat(changed.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("np_session=") && cookie.length() > 60);
                long sessions = node.wiring.database.read().withHandle(handle ->
                        handle.createQuery("SELECT count(*) FROM sessions").mapTo(Long.class).one());
                assertThat(sessions).isEqualTo(1);
            });
        }
    }

    @Test
    void wrong_current_password_changes_nothing() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser dana = signedIn(client.getOrigin(), "dana", PASSWORD);

                Browser.Page page = dana.post("/settings/password", passwordForm("not-my-password", NEW_PASSWORD, NEW_PASSWORD));

                assertThat(page.status()).isEqualTo(422);
                assertThat(Jsoup.parse(page.body()).select("#current-error").text()).isEqualTo("The current password is not correct.");
                assertThat(node.wiring.users.authenticate("dana", PASSWORD)).isPresent();
            });
        }
    }

    @Test
    void new_password_rules_show_messages() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser dana = signedIn(client.getOrigin(), "dana", PASSWORD);

                Document common = Jsoup.parse(dana.post("/settings/password", passwordForm(PASSWORD, "sunshine", "sunshine")).body());
                Document mismatch = Jsoup.parse(dana.post("/settings/password", passwordForm(PASSWORD, NEW_PASSWORD, "other-password-3")).body());
                Document same = Jsoup.parse(dana.post("/settings/password", passwordForm(PASSWORD, PASSWORD, PASSWORD)).body());

                assertThat(common.select("#password-error").text()).startsWith("This password is one of the 1,000 most common passwords.");
                assertThat(mismatch.select("#password2-error").text()).isEqualTo("The two passwords are not the same.");
                assertThat(same.select("#password-error").text()).isEqualTo("The new password must differ from the current one.");
                assertThat(isSignedIn(dana)).isTrue();
            });
        }
    }

    @Test
    void wrong_current_passwords_are_throttled() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser dana = signedIn(client.getOrigin(), "dana", PASSWORD);
                for (int i = 0; i < 3; i++) {
                    dana.post("/settings/password", passwordForm(PASSWORD, "short", "short"));
                }
                for (int i = 0; i < 5; i++) {
                    dana.post("/settings/password", passwordForm("wrong-guess-" + i, NEW_PASSWORD, NEW_PASSWORD));
                }

                Browser.Page blocked = dana.post("/settings/password", passwordForm(PASSWORD, NEW_PASSWORD, NEW_PASSWORD));

                assertThat(Jsoup.parse(blocked.body()).select("#current-error").text()).isEqualTo("Too many failed sign-ins. Wait 15 minutes and try again.");
                assertThat(node.wiring.users.authenticate("dana", PASSWORD)).isPresent();
            });
        }
    }

    @Test
    void mistakes_in_new_password_are_not_guesses() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser dana = signedIn(client.getOrigin(), "dana", PASSWORD);
                for (int i = 0; i < 6; i++) {
                    dana.post("/settings/password", passwordForm(PASSWORD, "short", "short"));
                }

                Browser.Page changed = dana.post("/settings/password", passwordForm(PASSWORD, NEW_PASSWORD, NEW_PASSWORD));

                assertThat(changed.location()).isEqualTo("/settings");
            });
        }
    }

    @Test
    void email_change_needs_password() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser dana = signedIn(client.getOrigin(), "dana", PASSWORD);

                Browser.Page rejected = dana.post("/settings/email", Map.of("email", "dana@example.com", "current", "wrong-password"));
                Browser.Page changed = dana.post("/settings/email", Map.of("email", "dana@example.com", "current", PASSWORD));

                assertThat(rejected.status()).isEqualTo(422);
                assertThat(Jsoup.parse(rejected.body()).select("#current-error").text()).isEqualTo("The current password is not correct.");
                assertThat(changed.location()).isEqualTo("/settings");
                assertThat(dana.get("/settings").body()).contains("Your e-mail address was changed.").contains("dana@example.com");
                assertThat(node.wiring.users.findByName("dana").orElseThrow().email()).isEqualTo("dana@example.com");
            });
        }
    }

    /** NodePoint 1.x built the e-mail UPDATE by concatenation, so this value set the user's level. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"x', level='5", "x',level='6", "x@example.com', level=6 --", "'; UPDATE users SET level=6; --",
        "x@example.com\"; DROP TABLE users; --"})
    void sql_in_email_is_rejected_without_effect(String email) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser dana = signedIn(client.getOrigin(), "dana", PASSWORD);

                Browser.Page page = dana.post("/settings/email", Map.of("email", email, "current", PASSWORD));

                assertThat(page.status()).isEqualTo(422);
                assertThat(Jsoup.parse(page.body()).select("#email-error").text()).startsWith("The e-mail address is not valid.");
                User after = node.wiring.users.findByName("dana").orElseThrow();
                assertThat(after.level()).isEqualTo(1);
                assertThat(after.email()).isEmpty();
                assertThat(node.wiring.users.findByName("admin").orElseThrow().level()).isEqualTo(6);
                assertThat(dana.get("/users").status()).isEqualTo(403);
            });
        }
    }

    /** Addresses with quotes and dashes are valid, so they must be stored as text and change nothing else. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"o'brien@example.com", "x'--@example.com", "a'||'b@example.com", "l'5@example.com"})
    void sql_looking_valid_email_is_stored_as_text(String email) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.user("erin", 1);
            node.http((server, client) -> {
                Browser dana = signedIn(client.getOrigin(), "dana", PASSWORD);

                Browser.Page page = dana.post("/settings/email", Map.of("email", email, "current", PASSWORD));

                assertThat(page.status()).isEqualTo(302);
                User after = node.wiring.users.findByName("dana").orElseThrow();
                assertThat(after.email()).isEqualTo(email);
                assertThat(after.level()).isEqualTo(1);
                assertThat(node.wiring.users.findByName("erin").orElseThrow().email()).isEmpty();
                assertThat(Jsoup.parse(dana.get("/settings").body()).select("dd").eachText()).contains(email + " not confirmed");
            });
        }
    }

    @Test
    void sign_out_everywhere_ends_every_session() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.user("erin", 1);
            node.http((server, client) -> {
                Browser laptop = signedIn(client.getOrigin(), "dana", PASSWORD);
                Browser phone = signedIn(client.getOrigin(), "dana", PASSWORD);
                Browser erin = signedIn(client.getOrigin(), "erin", PASSWORD);

                Browser.Page page = laptop.post("/settings/sessions/end", Map.of());

                assertThat(page.location()).isEqualTo("/login");
                assertThat(laptop.get("/login").body()).contains("You were signed out everywhere.");
                assertThat(isSignedIn(laptop)).isFalse();
                assertThat(isSignedIn(phone)).isFalse();
                assertThat(isSignedIn(erin)).isTrue();
            });
        }
    }

    @Test
    void sign_out_everywhere_needs_post() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser dana = signedIn(client.getOrigin(), "dana", PASSWORD);

                Browser.Page page = dana.get("/settings/sessions/end");
                Browser.Page withoutToken = dana.postRaw("/settings/sessions/end", Map.of());

                assertThat(page.status()).isIn(404, 405);
                assertThat(withoutToken.status()).isEqualTo(403);
                assertThat(isSignedIn(dana)).isTrue();
            });
        }
    }

    @Test
    void demo_signs_in_but_cannot_change_own_account() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("demo", 1);
            node.http((server, client) -> {
                Browser demo = signedIn(client.getOrigin(), "demo", PASSWORD);
                Document settings = Jsoup.parse(demo.get("/settings").body());

                Browser.Page password = demo.post("/settings/password", passwordForm(PASSWORD, NEW_PASSWORD, NEW_PASSWORD));
                Browser.Page email = demo.post("/settings/email", Map.of("email", "demo@example.com", "current", PASSWORD));
                Browser otherVisitor = signedIn(client.getOrigin(), "demo", PASSWORD);
                Browser.Page everywhere = demo.post("/settings/sessions/end", Map.of());

                assertThat(settings.select("form[action=/settings/password], form[action=/settings/email]")).isEmpty();
                assertThat(settings.text()).contains("The demo account cannot change its own password or e-mail address, or sign out its other sessions.");
                assertThat(password.status()).isEqualTo(403);
                assertThat(password.body()).contains("The demo account cannot change its own password or e-mail address, or sign out its other sessions.");
                assertThat(email.status()).isEqualTo(403);
                assertThat(everywhere.status()).isEqualTo(403);
                assertThat(otherVisitor.get("/settings").status()).isEqualTo(200);
                assertThat(node.wiring.users.authenticate("demo", PASSWORD)).isPresent();
                assertThat(node.wiring.users.findByName("demo").orElseThrow().email()).isEmpty();
            });
        }
    }

    @Test
    void demo_refusals_do_not_lock_sign_in() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("demo", 1);
            node.http((server, client) -> {
                Browser demo = signedIn(client.getOrigin(), "demo", PASSWORD);
                for (int i = 0; i < 6; i++) {
                    demo.post("/settings/password", passwordForm("wrong-guess-" + i, NEW_PASSWORD, NEW_PASSWORD));
                }

                Browser.Page signIn = new Browser(client.getOrigin()).signIn("demo", PASSWORD);

                assertThat(signIn.status()).isEqualTo(302);
            });
        }
    }

    @Test
    void admin_changes_own_password() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                Browser admin = signedIn(client.getOrigin(), "admin", ADMIN_PASSWORD);
                String hashBefore = node.settings().adminPasswordHash();

                Browser.Page changed = admin.post("/settings/password", passwordForm(ADMIN_PASSWORD, NEW_PASSWORD, NEW_PASSWORD));

                assertThat(changed.location()).isEqualTo("/settings");
                assertThat(node.settings().adminPasswordHash()).isNotEqualTo(hashBefore).startsWith("$argon2id$");
                assertThat(node.wiring.users.authenticate("admin", NEW_PASSWORD)).isPresent();
                assertThat(node.wiring.users.authenticate("admin", ADMIN_PASSWORD)).isEmpty();
            });
        }
    }
}
