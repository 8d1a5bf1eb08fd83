package org.nodepoint.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.PASSWORD;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.ReceivedMail;
import org.nodepoint.testing.TestMail;
import org.nodepoint.testing.TestNodePoint;

/** A mailed password reset code stops working when the password changes another way or the account is disabled. */
class ResetCodeRevocationTest {
    private static final String CODE_PASSWORD = "code-password-2";
    private static final String OTHER_PASSWORD = "other-password-3";

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path folder;

    /** A change made over HTTP after the reset mail. {@code apply} returns true when the server accepted every request. */
    enum Change {
        MANAGER_RESET {
            @Override
            boolean apply(String origin) {
                Browser admin = new Browser(origin);
                admin.signIn("admin", TestNodePoint.ADMIN_PASSWORD);
                admin.get("/users/dana");
                return admin.post("/users/dana/password", Map.of()).status() == 200;
            }
        },
        OWN_CHANGE {
            @Override
            boolean apply(String origin) {
                Browser dana = new Browser(origin);
                dana.signIn("dana", PASSWORD);
                dana.get("/settings/password");
                Map<String, String> form = Map.of("current", PASSWORD, "password", OTHER_PASSWORD, "password2", OTHER_PASSWORD);
                return dana.post("/settings/password", form).status() == 302;
            }
        },
        API_CHANGE {
            @Override
            boolean apply(String origin) {
                Browser.Page response = new Browser(origin).postRaw("/nodepoint/", Map.of("api", "change_password", "user", "dana",
                        "password", OTHER_PASSWORD, "key", TestNodePoint.WRITE_KEY));
                return response.body().contains("Password changed.");
            }
        },
        DISABLE_AND_ENABLE {
            @Override
            boolean apply(String origin) {
                Browser admin = new Browser(origin);
                admin.signIn("admin", TestNodePoint.ADMIN_PASSWORD);
                admin.get("/users/dana");
                boolean disabled = admin.post("/users/dana/disable", Map.of()).status() == 302;
                boolean enabled = admin.post("/users/dana/enable", Map.of()).status() == 302;
                return disabled && enabled;
            }
        };

        abstract boolean apply(String origin);
    }

    @ParameterizedTest
    @EnumSource(Change.class)
    void change_revokes_open_reset_code(Change change) {
        try (TestNodePoint node = TestNodePoint.configured(folder, TestMail.settings(smtp))) {
            node.user("dana", 1);
            TestMail.giveConfirmedAddress(node, "dana", "dana@example.org");
            node.http((server, client) -> {
                Browser guest = new Browser(client.getOrigin());
                guest.get("/lost-password");
                guest.post("/lost-password", Map.of("name", "dana"));
                TestMail.awaitMail(node);
                String code = ReceivedMail.code(smtp.getReceivedMessages()[0]);

                boolean changed = change.apply(client.getOrigin());
                Browser browser = new Browser(client.getOrigin());
                browser.get("/reset-password?token=" + code);
                Browser.Page rejected = browser.post("/reset-password",
                        Map.of("token", code, "password", CODE_PASSWORD, "password2", CODE_PASSWORD));

                assertThat(changed).as("server accepted the change").isTrue();
                assertThat(rejected.status()).isEqualTo(422);
                assertThat(Jsoup.parse(rejected.body()).select("#token-error").text()).startsWith("This code is no longer valid");
                assertThat(new Browser(client.getOrigin()).signIn("dana", CODE_PASSWORD).status()).isEqualTo(401);
            });
        }
    }
}
