package org.nodepoint.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.PASSWORD;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.ReceivedMail;
import org.nodepoint.testing.TestMail;
import org.nodepoint.testing.TestNodePoint;

/** The mails that users management causes: the notice of a password reset, and the confirmation of a new account's address. */
class ManagerAccountMailTest {
    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path folder;

    private static Browser manager(String origin) {
        Browser browser = new Browser(origin);
        assertThat(browser.signIn("manager", PASSWORD).status()).isEqualTo(302);
        browser.get("/users");
        return browser;
    }

    @Test
    void password_reset_mails_a_notice() {
        try (TestNodePoint node = TestNodePoint.configured(folder, TestMail.settingsWithLinks(smtp))) {
            node.user("manager", Level.USERS_MANAGEMENT);
            node.user("dana", 1);
            TestMail.giveConfirmedAddress(node, "dana", "dana@example.org");
            node.http((server, client) -> {
                Browser.Page reset = manager(client.getOrigin()).post("/users/dana/password", Map.of());
                node.wiring.mail.awaitIdle(TestMail.WAIT);
                String temporaryPassword = Jsoup.parse(reset.body()).select("#temporary-password").text();
                MimeMessage[] received = smtp.getReceivedMessages();

                assertThat(temporaryPassword).hasSizeGreaterThanOrEqualTo(16);
                assertThat(received).hasSize(1);
                assertThat(ReceivedMail.recipients(received[0])).containsExactly("dana@example.org");
                assertThat(ReceivedMail.subject(received[0])).isEqualTo("Test Desk - Your password was reset");
                assertThat(ReceivedMail.text(received[0]))
                        .contains("manager reset the password of your account dana on Test Desk")
                        .contains("When you sign in with it, you choose a new password of your own.")
                        .doesNotContain(temporaryPassword);
                assertThat(ReceivedMail.html(received[0])).doesNotContain(temporaryPassword);
            });
        }
    }

    @Test
    void password_reset_skips_unconfirmed_address() {
        try (TestNodePoint node = TestNodePoint.configured(folder, TestMail.settingsWithLinks(smtp))) {
            node.user("manager", Level.USERS_MANAGEMENT);
            node.user("dana", 1);
            node.wiring.database.write().useHandle(handle -> handle.execute("UPDATE users SET email = 'dana@example.org' WHERE name = 'dana'"));
            node.http((server, client) -> {
                Browser.Page reset = manager(client.getOrigin()).post("/users/dana/password", Map.of());
                node.wiring.mail.awaitIdle(TestMail.WAIT);

                assertThat(reset.status()).isEqualTo(200);
                assertThat(smtp.getReceivedMessages()).isEmpty();
            });
        }
    }

    @Test
    void created_user_gets_confirmation_mail() {
        try (TestNodePoint node = TestNodePoint.configured(folder, TestMail.settingsWithLinks(smtp))) {
            node.user("manager", Level.USERS_MANAGEMENT);
            node.http((server, client) -> {
                Browser.Page created = manager(client.getOrigin()).post("/users", Map.of("name", "dana", "email", "dana@example.org",
                        "level", "1", "password", "Benign-pass-4821", "password2", "Benign-pass-4821"));
                node.wiring.mail.awaitIdle(TestMail.WAIT);

                assertThat(created.status()).isEqualTo(302);
                assertThat(smtp.getReceivedMessages()).singleElement().satisfies(mail -> {
                    assertThat(ReceivedMail.recipients(mail)).containsExactly("dana@example.org");
                    assertThat(ReceivedMail.text(mail)).contains("/confirm-email?token=" + ReceivedMail.code(mail));
                });
                assertThat(node.wiring.users.findByName("dana").orElseThrow().emailConfirmed()).isFalse();
            });
        }
    }
}
