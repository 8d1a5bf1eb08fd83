package org.nodepoint.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestDirectory;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.User;

/**
 * The authentication plugin, and the local password features that are off while a directory or
 * the plugin checks passwords: registration, lost password and password change.
 */
class ExternalSignInTest {
    private static final String PLUGIN_PASSWORD = "plugin pass $(id) 'q'";

    @TempDir
    Path folder;

    /** Writes a script that records its arguments and accepts only {@link #PLUGIN_PASSWORD} on standard input. */
    private Path checkScript() throws IOException {
        Path script = folder.resolve("check.sh");
        Files.writeString(script, "#!/bin/sh\n"
                + "printf '%s\\n' \"$@\" > " + folder.resolve("args") + "\n"
                + "IFS= read -r password\n"
                + "[ \"$password\" = \"" + PLUGIN_PASSWORD.replace("$", "\\$") + "\" ]\n");
        return script;
    }

    private TestNodePoint nodeWithPlugin() throws IOException {
        Map<String, String> settings = new HashMap<>();
        settings.put("auth_plugin", "/bin/sh " + checkScript() + " --user %user%");
        settings.put("default_lvl", "3");
        settings.put("allow_registrations", "on");
        return TestNodePoint.configured(folder.resolve("data"), settings);
    }

    @Test
    void plugin_accepts_and_creates_account() throws IOException {
        try (TestNodePoint node = nodeWithPlugin()) {
            node.http((server, client) -> {
                Browser.Page page = new Browser(client.getOrigin()).signIn("carol", PLUGIN_PASSWORD);

                assertThat(page.status()).isEqualTo(302);
                User carol = node.wiring.users.findByName("carol").orElseThrow();
                assertThat(carol.level()).isEqualTo(3);
                assertThat(carol.passwordHash()).isNull();
            });
            String args = Files.readString(folder.resolve("args"));
            assertThat(args).isEqualTo("--user\ncarol\n");
            assertThat(args).doesNotContain("plugin pass");
        }
    }

    @Test
    void plugin_rejects_wrong_password() throws IOException {
        try (TestNodePoint node = nodeWithPlugin()) {
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());
                Browser.Page wrong = browser.signIn("carol", "not the password");
                Browser.Page local = browser.signIn("dana", TestNodePoint.PASSWORD);

                assertThat(wrong.status()).isEqualTo(401);
                assertThat(local.status()).isEqualTo(401);
                assertThat(node.wiring.users.findByName("carol")).isEmpty();
                assertThat(node.wiring.systemLog.newest(0, 50)).noneMatch(entry -> entry.message().contains("not the password"));
            });
        }
    }

    @Test
    void plugin_with_password_placeholder_never_runs() throws IOException {
        try (TestNodePoint node = nodeWithPlugin()) {
            node.set("auth_plugin", "/bin/sh " + checkScript() + " %user% %pass%");
            node.http((server, client) -> {
                Browser.Page page = new Browser(client.getOrigin()).signIn("carol", PLUGIN_PASSWORD);

                assertThat(page.status()).isEqualTo(503);
                assertThat(node.wiring.systemLog.newest(0, 1).get(0).message()).contains("contains %pass%");
            });
            assertThat(folder.resolve("args")).doesNotExist();
        }
    }

    @Test
    void local_password_features_are_off() throws Exception {
        try (TestDirectory directory = new TestDirectory()) {
            Map<String, String> settings = new HashMap<>(directory.searchSettings());
            settings.put("allow_registrations", "on");
            settings.put("smtp_server", "127.0.0.1");
            settings.put("smtp_from", "desk@example.org");
            try (TestNodePoint node = TestNodePoint.configured(folder.resolve("data"), settings)) {
                node.http((server, client) -> {
                    Browser alice = new Browser(client.getOrigin());
                    alice.signIn("alice", TestDirectory.ALICE_PASSWORD);
                    Browser admin = new Browser(client.getOrigin());
                    admin.signIn("admin", TestNodePoint.ADMIN_PASSWORD);

                    Browser.Page register = new Browser(client.getOrigin()).get("/register");
                    Browser.Page lostPassword = new Browser(client.getOrigin()).get("/lost-password");
                    Browser.Page passwordForm = alice.get("/settings/password");
                    Browser.Page passwordChange = alice.post("/settings/password",
                            Map.of("current", TestDirectory.ALICE_PASSWORD, "password", "New-pass-4821", "password2", "New-pass-4821"));
                    Browser.Page adminPasswordForm = admin.get("/settings/password");

                    assertThat(register.status()).isEqualTo(404);
                    assertThat(register.body()).contains("Registration is off on this site, because accounts come from the directory.");
                    assertThat(lostPassword.status()).isEqualTo(404);
                    assertThat(passwordForm.status()).isEqualTo(403);
                    assertThat(passwordForm.body()).contains("Your password is managed by the directory");
                    assertThat(passwordChange.status()).isEqualTo(403);
                    assertThat(adminPasswordForm.status()).isEqualTo(200);
                });
            }
        }
    }
}
