package org.nodepoint.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.PASSWORD;

import ch.qos.logback.classic.Level;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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

/** E-mail confirmation: the mails at registration and at an address change, and the confirmation page. */
class EmailConfirmationRoutesTest {
    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path folder;

    private TestNodePoint nodeWithMail() {
        return TestNodePoint.configured(folder, registrationsOpen(TestMail.settingsWithLinks(smtp)));
    }

    private static Map<String, String> registrationsOpen(Map<String, String> settings) {
        settings.put(Settings.ALLOW_REGISTRATIONS, "on");
        return settings;
    }

    private static Browser signedIn(String origin, String name) {
        Browser browser = new Browser(origin);
        assertThat(browser.signIn(name, PASSWORD).status()).as("sign-in of " + name).isEqualTo(302);
        browser.get("/settings");
        return browser;
    }

    /** Changes the signed-in user's address on the settings page and waits for the confirmation mail. */
    private static Browser.Page changeEmail(TestNodePoint node, Browser browser, String email) {
        browser.get("/settings");
        Browser.Page page = browser.post("/settings/email", Map.of("email", email, "current", PASSWORD));
        node.wiring.mail.awaitIdle(TestMail.WAIT);
        return page;
    }

    private static Browser.Page confirm(Browser browser, String code) {
        browser.get("/confirm-email?token=" + code);
        return browser.post("/confirm-email", Map.of("token", code));
    }

    private static User user(TestNodePoint node, String name) {
        return node.wiring.users.findByName(name).orElseThrow();
    }

    private static String errorText(Browser.Page page) {
        return Jsoup.parse(page.body()).select("#token-error").text();
    }

    private static MimeMessage onlyMail() {
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    @Test
    void registration_mails_link_and_code() {
        try (TestNodePoint node = nodeWithMail()) {
            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());
                browser.get("/register");

                Browser.Page registered = browser.post("/register", Map.of("name", "dana", "email", "dana@example.org",
                        "password", PASSWORD, "password2", PASSWORD));
                node.wiring.mail.awaitIdle(TestMail.WAIT);
                MimeMessage mail = onlyMail();
                String code = ReceivedMail.code(mail);

                assertThat(registered.status()).isEqualTo(302);
                assertThat(browser.get("/").body()).contains("We sent a confirmation mail to your e-mail address");
                assertThat(ReceivedMail.recipients(mail)).containsExactly("dana@example.org");
                assertThat(ReceivedMail.subject(mail)).isEqualTo("Test Desk - Confirm your e-mail address");
                assertThat(ReceivedMail.text(mail)).contains("Hello dana,")
                        .contains(TestMail.PUBLIC_URL + "/confirm-email?token=" + code)
                        .contains("open the page " + TestMail.PUBLIC_URL + "/confirm-email and enter this code:\n" + code)
                        .contains("expires after 7 days");
                assertThat(ReceivedMail.html(mail)).contains("<a href=\"" + TestMail.PUBLIC_URL + "/confirm-email?token=" + code + "\">");
                assertThat(user(node, "dana").emailConfirmed()).isFalse();
            });
        }
    }

    @Test
    void mail_without_public_url_has_path_and_code() {
        try (TestNodePoint node = TestNodePoint.configured(folder, TestMail.settings(smtp))) {
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser dana = signedIn(client.getOrigin(), "dana");

                changeEmail(node, dana, "dana@example.org");
                MimeMessage mail = onlyMail();
                Browser.Page form = dana.get("/confirm-email");
                Browser.Page confirmed = dana.post("/confirm-email", Map.of("token", ReceivedMail.code(mail)));

                assertThat(ReceivedMail.text(mail)).doesNotContain("http").contains("open the page /confirm-email and enter this code");
                assertThat(Jsoup.parse(form.body()).select("input#token[name=token]")).hasSize(1);
                assertThat(confirmed.location()).isEqualTo("/settings");
                assertThat(user(node, "dana").emailConfirmed()).isTrue();
            });
        }
    }

    @Test
    void link_shows_button_and_post_confirms() {
        try (TestNodePoint node = nodeWithMail()) {
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser dana = signedIn(client.getOrigin(), "dana");
                changeEmail(node, dana, "dana@example.org");
                String code = ReceivedMail.code(onlyMail());

                Browser.Page shown = dana.get("/confirm-email?token=" + code);
                boolean confirmedByGet = user(node, "dana").emailConfirmed();
                Browser.Page confirmed = dana.post("/confirm-email", Map.of("token", code));

                assertThat(shown.status()).isEqualTo(200);
                assertThat(shown.headers().firstValue("Cache-Control")).hasValue("no-store");
                Document page = Jsoup.parse(shown.body());
                assertThat(page.select("input[type=hidden][name=token]").attr("value")).isEqualTo(code);
                assertThat(page.select("form[action=/confirm-email] button").text()).isEqualTo("Confirm address");
                assertThat(page.text()).contains("Confirm dana@example.org as the e-mail address of dana.");
                assertThat(confirmedByGet).isFalse();
                assertThat(confirmed.location()).isEqualTo("/settings");
                assertThat(dana.get("/settings").body()).contains("Your e-mail address dana@example.org is confirmed");
                assertThat(user(node, "dana").emailConfirmed()).isTrue();
            });
        }
    }

    @Test
    void code_confirms_only_once() {
        try (TestNodePoint node = nodeWithMail()) {
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser dana = signedIn(client.getOrigin(), "dana");
                changeEmail(node, dana, "dana@example.org");
                String code = ReceivedMail.code(onlyMail());

                Browser.Page first = confirm(dana, code);
                Browser.Page second = confirm(dana, code);

                assertThat(first.status()).isEqualTo(302);
                assertThat(second.status()).isEqualTo(422);
                assertThat(errorText(second)).startsWith("This code was already used.");
            });
        }
    }

    @Test
    void code_expires_after_seven_days() {
        ManualClock clock = new ManualClock();
        try (TestNodePoint node = TestNodePoint.configured(folder, TestMail.settingsWithLinks(smtp), clock)) {
            node.user("dana", 1);
            node.http((server, client) -> {
                changeEmail(node, signedIn(client.getOrigin(), "dana"), "dana@example.org");
                String code = ReceivedMail.code(onlyMail());

                clock.advance(Duration.ofDays(7).plusMinutes(1));
                Browser dana = signedIn(client.getOrigin(), "dana");
                Browser.Page shown = dana.get("/confirm-email?token=" + code);
                Browser.Page rejected = dana.post("/confirm-email", Map.of("token", code));

                assertThat(errorText(shown)).startsWith("This code has expired");
                assertThat(rejected.status()).isEqualTo(422);
                assertThat(errorText(rejected)).startsWith("This code has expired");
                assertThat(user(node, "dana").emailConfirmed()).isFalse();
            });
        }
    }

    @Test
    void second_change_makes_first_code_stale() {
        try (TestNodePoint node = nodeWithMail()) {
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser dana = signedIn(client.getOrigin(), "dana");
                changeEmail(node, dana, "dana@example.org");
                changeEmail(node, dana, "dana@example.net");
                MimeMessage[] mails = smtp.getReceivedMessages();

                Browser.Page stale = confirm(dana, ReceivedMail.code(mails[0]));
                boolean confirmedByStaleCode = user(node, "dana").emailConfirmed();
                Browser.Page current = confirm(dana, ReceivedMail.code(mails[1]));

                assertThat(ReceivedMail.recipients(mails[0])).containsExactly("dana@example.org");
                assertThat(ReceivedMail.recipients(mails[1])).containsExactly("dana@example.net");
                assertThat(stale.status()).isEqualTo(422);
                assertThat(errorText(stale)).startsWith("This code is for an earlier e-mail address of your account");
                assertThat(confirmedByStaleCode).isFalse();
                assertThat(current.status()).isEqualTo(302);
                assertThat(user(node, "dana").email()).isEqualTo("dana@example.net");
                assertThat(user(node, "dana").emailConfirmed()).isTrue();
            });
        }
    }

    @Test
    void other_users_code_reads_as_unknown() {
        try (TestNodePoint node = nodeWithMail()) {
            node.user("dana", 1);
            node.user("erin", 1);
            node.http((server, client) -> {
                changeEmail(node, signedIn(client.getOrigin(), "dana"), "dana@example.org");
                String danasCode = ReceivedMail.code(onlyMail());
                Browser erin = signedIn(client.getOrigin(), "erin");

                Browser.Page someoneElses = confirm(erin, danasCode);
                Browser.Page unknown = confirm(erin, "A".repeat(43));
                Browser.Page malformed = confirm(erin, "not-a-code");

                assertThat(someoneElses.status()).isEqualTo(422);
                assertThat(errorText(someoneElses)).startsWith("This code does not confirm an address of your account.");
                assertThat(errorText(unknown)).isEqualTo(errorText(someoneElses));
                assertThat(errorText(malformed)).isEqualTo(errorText(someoneElses));
                assertThat(user(node, "dana").emailConfirmed()).isFalse();
                assertThat(user(node, "erin").emailConfirmed()).isFalse();
            });
        }
    }

    @Test
    void guest_signs_in_and_returns() {
        try (TestNodePoint node = nodeWithMail()) {
            node.user("dana", 1);
            node.http((server, client) -> {
                changeEmail(node, signedIn(client.getOrigin(), "dana"), "dana@example.org");
                String code = ReceivedMail.code(onlyMail());
                Browser guest = new Browser(client.getOrigin());

                Browser.Page shown = guest.get("/confirm-email?token=" + code);
                String signInPath = Jsoup.parse(shown.body()).select("main a.btn").attr("href");
                Browser.Page loginForm = guest.get(signInPath);
                String next = Jsoup.parse(loginForm.body()).select("input[name=next]").attr("value");
                Browser.Page signedIn = guest.post("/login", Map.of("name", "dana", "password", PASSWORD, "next", next));
                Browser.Page confirmed = confirm(guest, code);

                assertThat(shown.status()).isEqualTo(200);
                assertThat(Jsoup.parse(shown.body()).select("form[action=/confirm-email]")).isEmpty();
                assertThat(URLDecoder.decode(signInPath, StandardCharsets.UTF_8)).isEqualTo("/login?next=/confirm-email?token=" + code);
                assertThat(signedIn.location()).isEqualTo("/confirm-email?token=" + code);
                assertThat(confirmed.location()).isEqualTo("/settings");
                assertThat(user(node, "dana").emailConfirmed()).isTrue();
            });
        }
    }

    @Test
    void guest_cannot_post_a_code() {
        try (TestNodePoint node = nodeWithMail()) {
            node.user("dana", 1);
            node.http((server, client) -> {
                changeEmail(node, signedIn(client.getOrigin(), "dana"), "dana@example.org");
                String code = ReceivedMail.code(onlyMail());
                Browser guest = new Browser(client.getOrigin());
                guest.get("/confirm-email?token=" + code);

                Browser.Page rejected = guest.post("/confirm-email", Map.of("token", code));

                assertThat(rejected.status()).isEqualTo(403);
                assertThat(user(node, "dana").emailConfirmed()).isFalse();
            });
        }
    }

    @Test
    void settings_change_mails_new_address() {
        try (TestNodePoint node = nodeWithMail()) {
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser dana = signedIn(client.getOrigin(), "dana");

                Browser.Page changed = changeEmail(node, dana, "dana@example.org");
                Document settings = Jsoup.parse(dana.get("/settings").body());

                assertThat(changed.location()).isEqualTo("/settings");
                assertThat(ReceivedMail.recipients(onlyMail())).containsExactly("dana@example.org");
                assertThat(settings.text()).contains("Your e-mail address is now dana@example.org. We sent a confirmation mail to it")
                        .contains("This address receives no notifications until you confirm it.");
                assertThat(settings.select(".alert a[href=/confirm-email]")).hasSize(1);
            });
        }
    }

    @Test
    void confirmed_address_saved_again_stays_confirmed() {
        try (TestNodePoint node = nodeWithMail()) {
            node.user("dana", 1);
            TestMail.giveConfirmedAddress(node, "dana", "dana@example.org");
            node.http((server, client) -> {
                Browser dana = signedIn(client.getOrigin(), "dana");

                changeEmail(node, dana, "dana@example.org");

                assertThat(smtp.getReceivedMessages()).isEmpty();
                assertThat(user(node, "dana").emailConfirmed()).isTrue();
                assertThat(dana.get("/settings").body()).contains("Your e-mail address dana@example.org is unchanged and stays confirmed.");
            });
        }
    }

    @Test
    void three_confirmation_mails_per_hour() {
        try (TestNodePoint node = nodeWithMail()) {
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser dana = signedIn(client.getOrigin(), "dana");

                for (int i = 1; i <= 4; i++) {
                    changeEmail(node, dana, "dana" + i + "@example.org");
                }

                assertThat(smtp.getReceivedMessages()).hasSize(3);
                assertThat(user(node, "dana").email()).isEqualTo("dana4@example.org");
                assertThat(dana.get("/settings").body()).contains("No confirmation mail was sent, because this account got 3 within the last hour.");
            });
        }
    }

    @Test
    void no_mail_while_mail_is_off() {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of(Settings.ALLOW_REGISTRATIONS, "on"))) {
            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());
                browser.get("/register");
                browser.post("/register", Map.of("name", "dana", "email", "dana@example.org", "password", PASSWORD, "password2", PASSWORD));
                String welcome = browser.get("/").body();
                Browser.Page changed = changeEmail(node, browser, "dana@example.net");

                assertThat(welcome).contains("Welcome, dana. Your account is ready.").doesNotContain("confirmation mail");
                assertThat(changed.location()).isEqualTo("/settings");
                assertThat(browser.get("/settings").body()).contains("until an administrator sets up e-mail");
                assertThat(smtp.getReceivedMessages()).isEmpty();
                assertThat(user(node, "dana").emailConfirmed()).isFalse();
            });
        }
    }

    @Test
    void logs_hold_no_code_or_hash() {
        try (TestNodePoint node = nodeWithMail(); CapturedLogs logs = new CapturedLogs()) {
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser dana = signedIn(client.getOrigin(), "dana");
                changeEmail(node, dana, "dana@example.org");
                String code = ReceivedMail.code(onlyMail());

                confirm(dana, code);

                for (List<String> lines : List.of(logs.nodePointLines(), logs.linesAtOrAbove(Level.INFO))) {
                    assertThat(String.join("\n", lines)).contains("confirmed their e-mail address")
                            .doesNotContain(code)
                            .doesNotContain(PasswordResetRoutesTest.sha256Hex(code));
                }
            });
        }
    }
}
