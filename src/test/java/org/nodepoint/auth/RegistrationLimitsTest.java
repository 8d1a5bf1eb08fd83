package org.nodepoint.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.PASSWORD;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.ManualClock;
import org.nodepoint.testing.TestMail;
import org.nodepoint.testing.TestNodePoint;

/** The limits on self-registration: accounts per client address, and confirmation mails per e-mail address. */
class RegistrationLimitsTest {
    private static final String VICTIM = "victim@example.org";

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path folder;

    private final ManualClock clock = new ManualClock();

    private TestNodePoint openWithMail() {
        Map<String, String> settings = new HashMap<>(TestMail.settings(smtp));
        settings.put(Settings.ALLOW_REGISTRATIONS, "on");
        return TestNodePoint.configured(folder, settings, clock);
    }

    private static Browser.Page register(String origin, String name, String email) {
        Browser browser = new Browser(origin);
        browser.get("/register");
        return browser.post("/register", Map.of("name", name, "email", email, "password", PASSWORD, "password2", PASSWORD));
    }

    private static long localUsers(TestNodePoint node) {
        return node.wiring.database.read().withHandle(handle ->
                handle.createQuery("SELECT count(*) FROM users WHERE kind = 'local'").mapTo(Long.class).one());
    }

    @Test
    void sixth_registration_per_hour_is_rejected() {
        try (TestNodePoint node = openWithMail()) {
            node.http((server, client) -> {
                Browser.Page invalid = register(client.getOrigin(), "x", "");
                for (int i = 1; i <= 5; i++) {
                    assertThat(register(client.getOrigin(), "user" + i, "").status()).as("registration %d", i).isEqualTo(302);
                }

                Browser.Page rejected = register(client.getOrigin(), "user6", "user6@example.org");
                node.wiring.mail.awaitIdle(TestMail.WAIT);
                clock.advance(Duration.ofHours(1));
                Browser.Page later = register(client.getOrigin(), "user7", "");

                assertThat(invalid.status()).as("an invalid form counts no registration").isEqualTo(422);
                assertThat(rejected.status()).isEqualTo(429);
                assertThat(rejected.body()).contains("Too many accounts were registered from your network address: at most 5 within an hour.");
                assertThat(rejected.body()).contains("value=\"user6\"");
                assertThat(node.wiring.users.findByName("user6")).isEmpty();
                assertThat(smtp.getReceivedMessages()).isEmpty();
                assertThat(later.status()).isEqualTo(302);
                assertThat(localUsers(node)).isEqualTo(6);
            });
        }
    }

    @Test
    void confirmation_mails_per_address_are_capped() {
        try (TestNodePoint node = openWithMail()) {
            node.http((server, client) -> {
                for (int i = 1; i <= 3; i++) {
                    assertThat(register(client.getOrigin(), "user" + i, VICTIM).status()).as("registration %d", i).isEqualTo(302);
                }

                Browser fourth = new Browser(client.getOrigin());
                fourth.get("/register");
                Browser.Page registered = fourth.post("/register",
                        Map.of("name", "user4", "email", "Victim@Example.org", "password", PASSWORD, "password2", PASSWORD));
                String welcome = fourth.get("/").body();
                node.wiring.mail.awaitIdle(TestMail.WAIT);

                assertThat(registered.status()).isEqualTo(302);
                assertThat(node.wiring.users.findByName("user4")).isPresent();
                assertThat(welcome).contains("Your account is ready, but no confirmation mail could be sent now")
                        .contains("To get one later, open Your settings and save the address again.");
                assertThat(smtp.getReceivedMessages()).hasSize(3);
            });
        }
    }

    @Test
    void address_change_respects_address_cap() {
        try (TestNodePoint node = openWithMail()) {
            node.user("dana", 1);
            node.http((server, client) -> {
                for (int i = 1; i <= 3; i++) {
                    register(client.getOrigin(), "user" + i, VICTIM);
                }
                Browser dana = new Browser(client.getOrigin());
                dana.signIn("dana", PASSWORD);
                dana.get("/settings");

                Browser.Page changed = dana.post("/settings/email", Map.of("current", PASSWORD, "email", VICTIM));
                String capped = dana.get("/settings").body();
                clock.advance(Duration.ofHours(1));
                dana.post("/settings/email", Map.of("current", PASSWORD, "email", VICTIM));
                String later = dana.get("/settings").body();
                node.wiring.mail.awaitIdle(TestMail.WAIT);

                assertThat(changed.status()).isEqualTo(302);
                assertThat(capped).contains("No confirmation mail was sent, because this address got 3 within the last hour.");
                assertThat(later).contains("We sent a confirmation mail to it");
                assertThat(smtp.getReceivedMessages()).hasSize(4);
            });
        }
    }
}
