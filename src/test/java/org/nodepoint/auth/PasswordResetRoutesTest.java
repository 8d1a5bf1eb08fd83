package org.nodepoint.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.PASSWORD;

import ch.qos.logback.classic.Level;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.CapturedLogs;
import org.nodepoint.testing.ManualClock;
import org.nodepoint.testing.ReceivedMail;
import org.nodepoint.testing.TestMail;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.User;

/** The lost password forms: the request, the mailed code, its limits, and when the feature is off. */
class PasswordResetRoutesTest {
    private static final String NEW_PASSWORD = "fresh-password-2";

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path folder;

    private TestNodePoint nodeWithMail() {
        return TestNodePoint.configured(folder, TestMail.settingsWithLinks(smtp));
    }

    private static User userWithConfirmedAddress(TestNodePoint node, String name) {
        node.user(name, 1);
        TestMail.giveConfirmedAddress(node, name, name + "@example.org");
        return node.wiring.users.findByName(name).orElseThrow();
    }

    /** Sends the lost password form from a new guest browser and waits until any mail it causes is sent. */
    private static Browser.Page requestReset(TestNodePoint node, String origin, String nameOrEmail) {
        Browser guest = new Browser(origin);
        guest.get("/lost-password");
        Browser.Page answer = guest.post("/lost-password", Map.of("name", nameOrEmail));
        TestMail.awaitMail(node);
        return answer;
    }

    private static Map<String, String> newPasswordForm(String code, String password, String again) {
        return Map.of("token", code, "password", password, "password2", again);
    }

    private static Browser.Page resetWith(String origin, String code, String password) {
        Browser browser = new Browser(origin);
        browser.get("/reset-password?token=" + code);
        return browser.post("/reset-password", newPasswordForm(code, password, password));
    }

    private static int signInStatus(String origin, String name, String password) {
        return new Browser(origin).signIn(name, password).status();
    }

    private static String errorText(Browser.Page page, String field) {
        return Jsoup.parse(page.body()).select("#" + field + "-error").text();
    }

    @Test
    void mailed_link_sets_new_password() {
        try (TestNodePoint node = nodeWithMail()) {
            userWithConfirmedAddress(node, "dana");
            node.http((server, client) -> {
                Browser laptop = new Browser(client.getOrigin());
                laptop.signIn("dana", PASSWORD);

                requestReset(node, client.getOrigin(), "dana");
                MimeMessage mail = smtp.getReceivedMessages()[0];
                String code = ReceivedMail.code(mail);
                Browser browser = new Browser(client.getOrigin());
                Browser.Page form = browser.get("/reset-password?token=" + code);
                Browser.Page done = browser.post("/reset-password", newPasswordForm(code, NEW_PASSWORD, NEW_PASSWORD));

                assertThat(ReceivedMail.recipients(mail)).containsExactly("dana@example.org");
                assertThat(ReceivedMail.subject(mail)).isEqualTo("Test Desk - Reset your password");
                assertThat(ReceivedMail.text(mail)).contains(TestMail.PUBLIC_URL + "/reset-password?token=" + code)
                        .contains("expire after 60 minutes");
                assertThat(form.status()).isEqualTo(200);
                assertThat(form.headers().firstValue("Cache-Control")).hasValue("no-store");
                Document page = Jsoup.parse(form.body());
                assertThat(page.select("input[type=hidden][name=token]").attr("value")).isEqualTo(code);
                assertThat(page.select("#token")).isEmpty();
                assertThat(done.location()).isEqualTo("/login");
                assertThat(browser.get("/login").body()).contains("The password of dana was changed");
                assertThat(laptop.get("/settings").location()).startsWith("/login");
                assertThat(signInStatus(client.getOrigin(), "dana", PASSWORD)).isEqualTo(401);
                assertThat(signInStatus(client.getOrigin(), "dana", NEW_PASSWORD)).isEqualTo(302);
            });
        }
    }

    @Test
    void typed_code_works_without_public_url() {
        try (TestNodePoint node = TestNodePoint.configured(folder, TestMail.settings(smtp))) {
            userWithConfirmedAddress(node, "dana");
            node.http((server, client) -> {
                requestReset(node, client.getOrigin(), "dana");
                MimeMessage mail = smtp.getReceivedMessages()[0];
                Browser browser = new Browser(client.getOrigin());
                Browser.Page form = browser.get("/reset-password");
                Browser.Page done = browser.post("/reset-password", newPasswordForm(ReceivedMail.code(mail), NEW_PASSWORD, NEW_PASSWORD));

                assertThat(ReceivedMail.text(mail)).doesNotContain("http").contains("open the page /reset-password and enter this code");
                assertThat(Jsoup.parse(form.body()).select("input#token[name=token]")).hasSize(1);
                assertThat(done.location()).isEqualTo("/login");
                assertThat(signInStatus(client.getOrigin(), "dana", NEW_PASSWORD)).isEqualTo(302);
            });
        }
    }

    @Test
    void request_by_address_ignores_case() {
        try (TestNodePoint node = nodeWithMail()) {
            userWithConfirmedAddress(node, "dana");
            node.http((server, client) -> {
                requestReset(node, client.getOrigin(), "DANA@Example.ORG");

                assertThat(smtp.getReceivedMessages()).singleElement()
                        .satisfies(mail -> assertThat(ReceivedMail.text(mail)).contains("the account dana on Test Desk"));
            });
        }
    }

    @Test
    void code_works_only_once() {
        try (TestNodePoint node = nodeWithMail()) {
            userWithConfirmedAddress(node, "dana");
            node.http((server, client) -> {
                requestReset(node, client.getOrigin(), "dana");
                String code = ReceivedMail.code(smtp.getReceivedMessages()[0]);

                Browser.Page first = resetWith(client.getOrigin(), code, NEW_PASSWORD);
                Browser.Page second = resetWith(client.getOrigin(), code, "another-password-3");

                assertThat(first.status()).isEqualTo(302);
                assertThat(second.status()).isEqualTo(422);
                assertThat(errorText(second, "token")).startsWith("This code was already used.");
                assertThat(signInStatus(client.getOrigin(), "dana", "another-password-3")).isEqualTo(401);
                assertThat(signInStatus(client.getOrigin(), "dana", NEW_PASSWORD)).isEqualTo(302);
            });
        }
    }

    @Test
    void code_expires_after_one_hour() {
        ManualClock clock = new ManualClock();
        try (TestNodePoint node = TestNodePoint.configured(folder, TestMail.settingsWithLinks(smtp), clock)) {
            userWithConfirmedAddress(node, "dana");
            node.http((server, client) -> {
                requestReset(node, client.getOrigin(), "dana");
                String code = ReceivedMail.code(smtp.getReceivedMessages()[0]);
                Browser browser = new Browser(client.getOrigin());

                clock.advance(Duration.ofMinutes(59));
                Browser.Page beforeExpiry = browser.get("/reset-password?token=" + code);
                clock.advance(Duration.ofMinutes(2));
                Browser.Page afterExpiry = browser.get("/reset-password?token=" + code);
                Browser.Page rejected = browser.post("/reset-password", newPasswordForm(code, NEW_PASSWORD, NEW_PASSWORD));

                assertThat(errorText(beforeExpiry, "token")).isEmpty();
                assertThat(errorText(afterExpiry, "token")).startsWith("This code has expired");
                assertThat(rejected.status()).isEqualTo(422);
                assertThat(errorText(rejected, "token")).startsWith("This code has expired");
                assertThat(signInStatus(client.getOrigin(), "dana", PASSWORD)).isEqualTo(302);
            });
        }
    }

    @Test
    void reset_revokes_the_other_codes() {
        try (TestNodePoint node = nodeWithMail()) {
            userWithConfirmedAddress(node, "dana");
            node.http((server, client) -> {
                requestReset(node, client.getOrigin(), "dana");
                requestReset(node, client.getOrigin(), "dana");
                MimeMessage[] mails = smtp.getReceivedMessages();

                Browser.Page used = resetWith(client.getOrigin(), ReceivedMail.code(mails[1]), NEW_PASSWORD);
                Browser.Page older = resetWith(client.getOrigin(), ReceivedMail.code(mails[0]), "another-password-3");

                assertThat(mails).hasSize(2);
                assertThat(used.status()).isEqualTo(302);
                assertThat(older.status()).isEqualTo(422);
                assertThat(errorText(older, "token")).startsWith("This code is no longer valid");
            });
        }
    }

    @Test
    void new_password_follows_the_rules() {
        try (TestNodePoint node = nodeWithMail()) {
            userWithConfirmedAddress(node, "dana");
            node.http((server, client) -> {
                requestReset(node, client.getOrigin(), "dana");
                String code = ReceivedMail.code(smtp.getReceivedMessages()[0]);
                Browser browser = new Browser(client.getOrigin());
                browser.get("/reset-password?token=" + code);

                Browser.Page tooShort = browser.post("/reset-password", newPasswordForm(code, "short", "short"));
                Browser.Page common = browser.post("/reset-password", newPasswordForm(code, "password123", "password123"));
                Browser.Page mismatch = browser.post("/reset-password", newPasswordForm(code, NEW_PASSWORD, NEW_PASSWORD + "!"));
                Browser.Page valid = browser.post("/reset-password", newPasswordForm(code, NEW_PASSWORD, NEW_PASSWORD));

                assertThat(tooShort.status()).isEqualTo(422);
                assertThat(errorText(tooShort, "password")).isEqualTo("The password must be 8 to 128 characters long.");
                assertThat(common.status()).isEqualTo(422);
                assertThat(errorText(common, "password")).startsWith("This password is one of the 1,000 most common passwords.");
                assertThat(mismatch.status()).isEqualTo(422);
                assertThat(errorText(mismatch, "password2")).isEqualTo("The two passwords are not the same.");
                assertThat(Jsoup.parse(mismatch.body()).select("input[type=hidden][name=token]").attr("value")).isEqualTo(code);
                assertThat(valid.location()).isEqualTo("/login");
            });
        }
    }

    @Test
    void reset_clears_forced_password_change() {
        try (TestNodePoint node = nodeWithMail()) {
            userWithConfirmedAddress(node, "dana");
            node.wiring.userManagement.resetPassword(node.admin(), "dana");
            node.wiring.mail.awaitIdle(TestMail.WAIT);
            node.http((server, client) -> {
                requestReset(node, client.getOrigin(), "dana");
                MimeMessage resetMail = smtp.getReceivedMessages()[1];

                resetWith(client.getOrigin(), ReceivedMail.code(resetMail), NEW_PASSWORD);
                Browser dana = new Browser(client.getOrigin());
                dana.signIn("dana", NEW_PASSWORD);

                assertThat(node.wiring.users.findByName("dana").orElseThrow().mustChangePassword()).isFalse();
                assertThat(dana.get("/tickets").status()).isEqualTo(200);
            });
        }
    }

    @Test
    void same_answer_whether_or_not_mailed() {
        try (TestNodePoint node = nodeWithMail()) {
            userWithConfirmedAddress(node, "dana");
            node.user("erin", 1);
            node.wiring.database.write().useHandle(handle -> handle.execute("UPDATE users SET email = 'erin@example.org' WHERE name = 'erin'"));
            node.http((server, client) -> {
                Browser.Page known = requestReset(node, client.getOrigin(), "dana");

                for (String other : List.of("nobody", "erin", "erin@example.org", "nobody@example.org", "admin", "api", "system")) {
                    Browser.Page answer = requestReset(node, client.getOrigin(), other);

                    assertThat(answer.status()).as(other).isEqualTo(known.status());
                    assertThat(answer.location()).as(other).isEqualTo(known.location());
                    assertThat(answer.body()).as(other).isEqualTo(known.body());
                    assertThat(flashCookie(answer)).as(other).isEqualTo(flashCookie(known));
                }
                assertThat(smtp.getReceivedMessages()).singleElement()
                        .satisfies(mail -> assertThat(ReceivedMail.recipients(mail)).containsExactly("dana@example.org"));
                Browser guest = new Browser(client.getOrigin());
                guest.get("/lost-password");
                guest.post("/lost-password", Map.of("name", "nobody"));
                assertThat(guest.get(known.location()).body())
                        .contains("If the name or address belongs to an account with a confirmed e-mail address");
            });
        }
    }

    private static String flashCookie(Browser.Page page) {
        return page.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("np_flash=")).findFirst().orElse("");
    }

    @Test
    void unconfirmed_address_gets_no_mail() {
        try (TestNodePoint node = nodeWithMail()) {
            node.user("erin", 1);
            node.wiring.database.write().useHandle(handle -> handle.execute("UPDATE users SET email = 'erin@example.org' WHERE name = 'erin'"));
            node.http((server, client) -> {
                requestReset(node, client.getOrigin(), "erin");
                requestReset(node, client.getOrigin(), "erin@example.org");

                assertThat(smtp.getReceivedMessages()).isEmpty();
            });
        }
    }

    @Test
    void disabled_user_gets_no_mail() {
        try (TestNodePoint node = nodeWithMail()) {
            userWithConfirmedAddress(node, "dana");
            node.wiring.userManagement.setDisabled(node.admin(), "dana", true);
            node.http((server, client) -> {
                requestReset(node, client.getOrigin(), "dana");

                assertThat(smtp.getReceivedMessages()).isEmpty();
            });
        }
    }

    @Test
    void disabling_after_the_mail_voids_the_code() {
        try (TestNodePoint node = nodeWithMail()) {
            userWithConfirmedAddress(node, "dana");
            node.http((server, client) -> {
                requestReset(node, client.getOrigin(), "dana");
                node.wiring.userManagement.setDisabled(node.admin(), "dana", true);

                Browser.Page rejected = resetWith(client.getOrigin(), ReceivedMail.code(smtp.getReceivedMessages()[0]), NEW_PASSWORD);

                assertThat(rejected.status()).isEqualTo(422);
                assertThat(errorText(rejected, "token")).startsWith("This code is not valid.");
            });
        }
    }

    @Test
    void built_in_and_admin_accounts_get_no_mail() {
        try (TestNodePoint node = nodeWithMail()) {
            for (String name : List.of("admin", "api", "guest", "system")) {
                TestMail.giveConfirmedAddress(node, name, name + "@example.org");
            }
            node.http((server, client) -> {
                for (String name : List.of("admin", "api", "guest", "system")) {
                    requestReset(node, client.getOrigin(), name);
                    requestReset(node, client.getOrigin(), name + "@example.org");
                }

                assertThat(smtp.getReceivedMessages()).isEmpty();
            });
        }
    }

    @Test
    void three_mails_per_account_per_hour() {
        ManualClock clock = new ManualClock();
        try (TestNodePoint node = TestNodePoint.configured(folder, TestMail.settingsWithLinks(smtp), clock)) {
            userWithConfirmedAddress(node, "dana");
            node.http((server, client) -> {
                for (int i = 0; i < 4; i++) {
                    requestReset(node, client.getOrigin(), "dana");
                }
                int withinTheHour = smtp.getReceivedMessages().length;
                clock.advance(Duration.ofMinutes(61));
                requestReset(node, client.getOrigin(), "dana");

                assertThat(withinTheHour).isEqualTo(3);
                assertThat(smtp.getReceivedMessages()).hasSize(4);
            });
        }
    }

    @Test
    void one_client_address_is_limited() {
        try (TestNodePoint node = nodeWithMail()) {
            userWithConfirmedAddress(node, "dana");
            node.http((server, client) -> {
                Browser.Page first = requestReset(node, client.getOrigin(), "nobody0");
                for (int i = 1; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
                    requestReset(node, client.getOrigin(), "nobody" + i);
                }

                Browser.Page throttled = requestReset(node, client.getOrigin(), "dana");

                assertThat(smtp.getReceivedMessages()).isEmpty();
                assertThat(throttled.status()).isEqualTo(first.status());
                assertThat(throttled.location()).isEqualTo(first.location());
                assertThat(flashCookie(throttled)).isEqualTo(flashCookie(first));
            });
        }
    }

    @Test
    void lost_password_is_off_without_mail() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            userWithConfirmedAddress(node, "dana");
            node.http((server, client) -> assertLostPasswordIsOff(new Browser(client.getOrigin())));
        }
    }

    @Test
    void lost_password_is_off_with_active_directory() {
        Map<String, String> settings = TestMail.settingsWithLinks(smtp);
        settings.put(Settings.AD_SERVER, "dc.example.org");
        settings.put(Settings.AD_DOMAIN, "CORP");
        try (TestNodePoint node = TestNodePoint.configured(folder, settings)) {
            userWithConfirmedAddress(node, "dana");
            node.http((server, client) -> {
                assertLostPasswordIsOff(new Browser(client.getOrigin()));
                TestMail.awaitMail(node);

                assertThat(smtp.getReceivedMessages()).isEmpty();
            });
        }
    }

    private static void assertLostPasswordIsOff(Browser browser) {
        Browser.Page login = browser.get("/login");
        Browser.Page form = browser.get("/lost-password");
        Browser.Page request = browser.post("/lost-password", Map.of("name", "dana"));
        Browser.Page resetForm = browser.get("/reset-password?token=x");
        Browser.Page reset = browser.post("/reset-password", newPasswordForm("x", NEW_PASSWORD, NEW_PASSWORD));

        assertThat(Jsoup.parse(login.body()).select("a[href=/lost-password]")).isEmpty();
        for (Browser.Page page : List.of(form, request, resetForm, reset)) {
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.body()).contains("Password reset by e-mail is not available on this site");
        }
    }

    @Test
    void sign_in_page_links_to_lost_password() {
        try (TestNodePoint node = nodeWithMail()) {
            node.http((server, client) -> {
                Browser.Page login = new Browser(client.getOrigin()).get("/login");

                assertThat(Jsoup.parse(login.body()).select("a[href=/lost-password]").text()).isEqualTo("Forgot your password?");
            });
        }
    }

    @Test
    void empty_request_names_the_field() {
        try (TestNodePoint node = nodeWithMail()) {
            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());
                browser.get("/lost-password");

                Browser.Page page = browser.post("/lost-password", Map.of("name", "  "));

                assertThat(page.status()).isEqualTo(422);
                assertThat(errorText(page, "name")).isEqualTo("Enter your user name or e-mail address.");
            });
        }
    }

    @Test
    void logs_hold_no_password_code_or_hash() {
        try (TestNodePoint node = nodeWithMail(); CapturedLogs logs = new CapturedLogs()) {
            userWithConfirmedAddress(node, "dana");
            node.http((server, client) -> {
                requestReset(node, client.getOrigin(), "dana");
                String code = ReceivedMail.code(smtp.getReceivedMessages()[0]);
                Browser browser = new Browser(client.getOrigin());
                browser.get("/reset-password?token=" + code);
                browser.post("/reset-password", newPasswordForm(code, "short", "short"));
                browser.post("/reset-password", newPasswordForm(code, NEW_PASSWORD, NEW_PASSWORD));
                String passwordHash = node.wiring.users.findByName("dana").orElseThrow().passwordHash();

                for (List<String> lines : List.of(logs.nodePointLines(), logs.linesAtOrAbove(Level.INFO))) {
                    assertThat(String.join("\n", lines)).contains("chose a new password")
                            .doesNotContain(code)
                            .doesNotContain(sha256Hex(code))
                            .doesNotContain(NEW_PASSWORD)
                            .doesNotContain(passwordHash);
                }
            });
        }
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException missing) {
            throw new IllegalStateException(missing);
        }
    }
}
