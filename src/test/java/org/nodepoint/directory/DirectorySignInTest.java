package org.nodepoint.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.syslog.LogEntry;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.CapturedLogs;
import org.nodepoint.testing.TestDirectory;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.User;

/** Sign-in against a real LDAP server in the JVM, in the Active Directory way and by search then bind. */
class DirectorySignInTest {
    private static final String INVALID_LOGIN = "The user name or password is not correct.";
    private static final String UNAVAILABLE = "the directory is unavailable";

    @TempDir
    Path folder;

    private TestDirectory directory;

    @BeforeEach
    void startDirectory() throws Exception {
        directory = new TestDirectory();
    }

    @AfterEach
    void stopDirectory() {
        directory.close();
    }

    private TestNodePoint node(Map<String, String> settings) {
        return node(folder, settings);
    }

    private static TestNodePoint node(Path dataFolder, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("default_lvl", "2");
        return TestNodePoint.configured(dataFolder, all);
    }

    private static Optional<User> account(TestNodePoint node, String name) {
        return node.wiring.users.findByName(name);
    }

    private static List<LogEntry> log(TestNodePoint node) {
        return node.wiring.systemLog.newest(0, 50);
    }

    @Test
    void active_directory_sign_in_creates_account() {
        try (TestNodePoint node = node(directory.activeDirectorySettings())) {
            node.http((server, client) -> {
                Browser.Page page = new Browser(client.getOrigin()).signIn("alice", TestDirectory.ALICE_PASSWORD);

                assertThat(page.status()).isEqualTo(302);
                User alice = account(node, "alice").orElseThrow();
                assertThat(alice.level()).isEqualTo(2);
                assertThat(alice.passwordHash()).isNull();
                assertThat(alice.email()).isEqualTo("alice@corp.example");
                assertThat(alice.emailConfirmed()).isTrue();
                assertThat(alice.lastLoginAt()).isNotNull();
            });
        }
    }

    @Test
    void search_then_bind_creates_account() {
        try (TestNodePoint node = node(directory.searchSettings())) {
            node.http((server, client) -> {
                Browser.Page page = new Browser(client.getOrigin()).signIn("bob", TestDirectory.BOB_PASSWORD);

                assertThat(page.status()).isEqualTo(302);
                User bob = account(node, "bob").orElseThrow();
                assertThat(bob.level()).isEqualTo(2);
                assertThat(bob.passwordHash()).isNull();
                assertThat(bob.email()).isEmpty();
            });
        }
    }

    @Test
    void later_sign_in_keeps_changed_level() {
        try (TestNodePoint node = node(directory.searchSettings())) {
            node.http((server, client) -> {
                new Browser(client.getOrigin()).signIn("alice", TestDirectory.ALICE_PASSWORD);
                node.wiring.userManagement.changeLevel(node.admin(), "alice", 4);
                node.set("default_lvl", "1");

                Browser.Page again = new Browser(client.getOrigin()).signIn("alice", TestDirectory.ALICE_PASSWORD);

                assertThat(again.status()).isEqualTo(302);
                assertThat(account(node, "alice").orElseThrow().level()).isEqualTo(4);
            });
        }
    }

    @Test
    void wrong_unknown_and_empty_fail() {
        Map<String, Map<String, String>> modes = Map.of("ad", directory.activeDirectorySettings(), "search", directory.searchSettings());
        for (Map.Entry<String, Map<String, String>> mode : modes.entrySet()) {
            try (TestNodePoint node = node(folder.resolve(mode.getKey()), mode.getValue())) {
                node.http((server, client) -> {
                    Browser browser = new Browser(client.getOrigin());
                    Browser.Page wrong = browser.signIn("alice", "not-alices-password");
                    Browser.Page unknown = browser.signIn("mallory", TestDirectory.ALICE_PASSWORD);
                    Browser.Page empty = browser.signIn("alice", "");

                    assertThat(wrong.status()).isEqualTo(401);
                    assertThat(wrong.body()).contains(INVALID_LOGIN);
                    assertThat(unknown.status()).isEqualTo(401);
                    assertThat(empty.status()).isEqualTo(401);
                    assertThat(account(node, "alice")).isEmpty();
                    assertThat(account(node, "mallory")).isEmpty();
                });
            }
        }
    }

    @Test
    void empty_password_is_never_sent() {
        DirectoryConfig config = DirectoryConfig.from(new org.nodepoint.config.Settings(directory.activeDirectorySettings()));
        directory.stop();

        CheckOutcome outcome = DirectoryLogin.check(config, "alice", "");

        // A stopped server would make any bind attempt unavailable, so a rejection shows that none was tried.
        assertThat(outcome.kind()).isEqualTo(CheckOutcome.Kind.REJECTED);
    }

    @Test
    void filter_escapes_hostile_names() {
        DirectoryConfig config = DirectoryConfig.from(new org.nodepoint.config.Settings(directory.searchSettings()));
        List<String> names = List.of("*", "al*", "*)(uid=*", "alice)(|(x=*", "admin)(|(x=*", "\\", "alice\\", "alice\u0000", "*)(objectClass=*");

        for (String name : names) {
            CheckOutcome outcome = DirectoryLogin.check(config, name, TestDirectory.ALICE_PASSWORD);

            assertThat(outcome.kind()).as(name).isEqualTo(CheckOutcome.Kind.REJECTED);
        }
    }

    @Test
    void hostile_names_sign_no_one_in() {
        List<String> names = List.of("*", "al*", "*)(uid=*", "admin)(|(x=*", "\\", "alice\u0000");
        Map<String, Map<String, String>> modes = Map.of("ad", directory.activeDirectorySettings(), "search", directory.searchSettings());
        for (Map.Entry<String, Map<String, String>> mode : modes.entrySet()) {
            try (TestNodePoint node = node(folder.resolve(mode.getKey()), mode.getValue())) {
                node.http((server, client) -> {
                    for (String name : names) {
                        Browser.Page page = new Browser(client.getOrigin()).signIn(name, TestDirectory.ALICE_PASSWORD);

                        assertThat(page.status()).as(name).isEqualTo(401);
                    }
                    long accounts = node.wiring.database.read().withHandle(handle ->
                            handle.createQuery("SELECT count(*) FROM users WHERE kind = 'local'").mapTo(Long.class).one());
                    assertThat(accounts).isZero();
                });
            }
        }
    }

    @Test
    void ldaps_with_configured_ca() {
        Map<String, String> settings = directory.searchSettings();
        settings.put("ad_tls", "ldaps");
        settings.put("ad_port", String.valueOf(directory.ldapsPort()));
        settings.put("ad_ca_cert", directory.certificatePem().replace("\n", " "));
        try (TestNodePoint node = node(settings)) {
            node.http((server, client) -> {
                Browser.Page page = new Browser(client.getOrigin()).signIn("alice", TestDirectory.ALICE_PASSWORD);

                assertThat(page.status()).isEqualTo(302);
                assertThat(account(node, "alice")).isPresent();
            });
        }
    }

    @Test
    void starttls_with_configured_ca() {
        Map<String, String> settings = directory.activeDirectorySettings();
        settings.put("ad_tls", "starttls");
        settings.put("ad_ca_cert", directory.certificatePem());
        try (TestNodePoint node = node(settings)) {
            node.http((server, client) -> {
                Browser.Page page = new Browser(client.getOrigin()).signIn("alice", TestDirectory.ALICE_PASSWORD);

                assertThat(page.status()).isEqualTo(302);
                assertThat(account(node, "alice")).isPresent();
            });
        }
    }

    @Test
    void ldaps_with_wrong_ca_is_unavailable() throws Exception {
        Map<String, String> settings = directory.searchSettings();
        settings.put("ad_tls", "ldaps");
        settings.put("ad_port", String.valueOf(directory.ldapsPort()));
        try (TestDirectory other = new TestDirectory()) {
            settings.put("ad_ca_cert", other.certificatePem());
        }
        try (TestNodePoint node = node(settings)) {
            node.http((server, client) -> {
                Browser.Page page = new Browser(client.getOrigin()).signIn("alice", TestDirectory.ALICE_PASSWORD);

                assertThat(page.status()).isEqualTo(503);
                assertThat(page.body()).contains(UNAVAILABLE);
                assertThat(account(node, "alice")).isEmpty();
                // Both test certificates name CN=127.0.0.1, so Java finds the wrong CA by name and its signature check fails.
                assertThat(log(node).get(0).message()).isEqualTo("Sign-in failed because the directory is unavailable: Could not connect "
                        + "to the directory at 127.0.0.1:" + directory.ldapsPort() + " (ldaps): Signature does not match.");
            });
        }
    }

    @Test
    void stopped_server_is_unavailable_and_logged() {
        int port = directory.ldapPort();
        try (TestNodePoint node = node(directory.searchSettings()); CapturedLogs logs = new CapturedLogs()) {
            directory.stop();
            node.http((server, client) -> {
                Browser.Page page = new Browser(client.getOrigin()).signIn("alice", TestDirectory.ALICE_PASSWORD);

                assertThat(page.status()).isEqualTo(503);
                assertThat(page.body()).contains(UNAVAILABLE);
                LogEntry entry = log(node).get(0);
                assertThat(entry.actor()).isEqualTo("alice");
                assertThat(entry.message()).isEqualTo("Sign-in failed because the directory is unavailable: Could not connect to the "
                        + "directory at 127.0.0.1:" + port + " (none): Connection refused");
                assertThat(entry.message()).doesNotContain(TestDirectory.ALICE_PASSWORD);
                assertThat(logs.lines()).noneMatch(line -> line.contains(TestDirectory.ALICE_PASSWORD));
            });
        }
    }

    @Test
    void admin_signs_in_locally_while_directory_down() {
        try (TestNodePoint node = node(directory.activeDirectorySettings())) {
            directory.stop();
            node.http((server, client) -> {
                Browser.Page page = new Browser(client.getOrigin()).signIn("admin", TestNodePoint.ADMIN_PASSWORD);

                assertThat(page.status()).isEqualTo(302);
            });
        }
    }

    @Test
    void throttle_still_applies() {
        try (TestNodePoint node = node(directory.searchSettings())) {
            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());
                for (int attempt = 0; attempt < 5; attempt++) {
                    assertThat(browser.signIn("alice", "wrong-guess-" + attempt).status()).isEqualTo(401);
                }

                Browser.Page throttled = browser.signIn("alice", TestDirectory.ALICE_PASSWORD);

                assertThat(throttled.status()).isEqualTo(429);
                assertThat(account(node, "alice")).isEmpty();
            });
        }
    }

    @Test
    void existing_account_forced_change_cleared() {
        try (TestNodePoint node = node(directory.searchSettings())) {
            User alice = node.user("alice", 3);
            node.wiring.database.write().useHandle(handle -> handle.createUpdate("UPDATE users SET must_change_password = 1 WHERE id = :id")
                    .bind("id", alice.id()).execute());
            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());
                Browser.Page local = browser.signIn("alice", TestNodePoint.PASSWORD);
                Browser.Page page = browser.signIn("alice", TestDirectory.ALICE_PASSWORD);
                Browser.Page home = browser.get("/");

                assertThat(local.status()).isEqualTo(401);
                assertThat(page.status()).isEqualTo(302);
                assertThat(home.status()).isEqualTo(200);
                User after = account(node, "alice").orElseThrow();
                assertThat(after.id()).isEqualTo(alice.id());
                assertThat(after.level()).isEqualTo(3);
                assertThat(after.mustChangePassword()).isFalse();
            });
        }
    }
}
