package org.nodepoint.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;

class UserServiceTest {
    private static final String OLD_PASSWORD = "from-nodepoint-1";

    @TempDir
    Path folder;

    private static String sha1Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static long insertLegacyUser(TestNodePoint node, String name, String hash) {
        return node.wiring.database.write().withHandle(handle -> handle.createUpdate(
                "INSERT INTO users (name, password_hash, level, kind, created_at) VALUES (:name, :hash, 1, 'local', 0)")
                .bind("name", name).bind("hash", hash).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    private static String storedHash(TestNodePoint node, long id) {
        return node.wiring.users.findById(id).orElseThrow().passwordHash();
    }

    @Test
    void admin_name_stays_reserved_after_rename() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.wiring.users.configureAdmin("chief", TestNodePoint.ADMIN_PASSWORD, Map.of());

            var rejected = org.assertj.core.api.Assertions.catchThrowableOfType(org.nodepoint.errors.ValidationException.class,
                    () -> node.wiring.users.register("admin", TestNodePoint.PASSWORD, TestNodePoint.PASSWORD, ""));
            var alsoRejected = org.assertj.core.api.Assertions.catchThrowableOfType(org.nodepoint.errors.ValidationException.class,
                    () -> node.wiring.users.register("Chief", TestNodePoint.PASSWORD, TestNodePoint.PASSWORD, ""));

            assertThat(rejected.errors().get("name").key()).isEqualTo("users.name.reserved");
            assertThat(alsoRejected.errors().get("name").key()).isEqualTo("users.name.reserved");
        }
    }

    @Test
    void legacy_sha1_hash_is_rehashed() throws Exception {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            long id = insertLegacyUser(node, "olduser", sha1Hex(OLD_PASSWORD));
            node.http((server, client) -> {
                Browser.Page first = new Browser(client.getOrigin()).signIn("olduser", OLD_PASSWORD);

                assertThat(first.status()).isEqualTo(302);
                assertThat(storedHash(node, id)).startsWith("$argon2id$");
                assertThat(new Browser(client.getOrigin()).signIn("olduser", OLD_PASSWORD).status()).isEqualTo(302);
            });
        }
    }

    @Test
    void legacy_upper_case_hash_verifies() throws Exception {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            long id = insertLegacyUser(node, "olduser", sha1Hex(OLD_PASSWORD).toUpperCase());

            assertThat(node.wiring.users.authenticate("olduser", OLD_PASSWORD)).isPresent();
            assertThat(storedHash(node, id)).startsWith("$argon2id$");
        }
    }

    @Test
    void wrong_password_keeps_legacy_hash() throws Exception {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            String legacy = sha1Hex(OLD_PASSWORD);
            long id = insertLegacyUser(node, "olduser", legacy);

            assertThat(node.wiring.users.authenticate("olduser", "not-the-password")).isEmpty();
            assertThat(storedHash(node, id)).isEqualTo(legacy);
        }
    }

    @Test
    void legacy_admin_hash_is_rehashed() throws Exception {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.set(Settings.ADMIN_PASSWORD, sha1Hex(OLD_PASSWORD));

            assertThat(node.wiring.users.authenticate("admin", OLD_PASSWORD)).isPresent();
            assertThat(node.settings().adminPasswordHash()).startsWith("$argon2id$");
            assertThat(node.wiring.users.authenticate("admin", OLD_PASSWORD)).isPresent();
        }
    }

    @Test
    void admin_name_matches_any_case() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            assertThat(node.wiring.users.authenticate("ADMIN", TestNodePoint.ADMIN_PASSWORD)).isPresent();
        }
    }

    @Test
    void argon2_hash_with_old_parameters_is_upgraded() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Passwords weaker = new Passwords(com.password4j.Argon2Function.getInstance(512, 1, 1, 32, com.password4j.types.Argon2.ID));
            long id = insertLegacyUser(node, "olduser", weaker.hash(OLD_PASSWORD));

            assertThat(node.wiring.users.authenticate("olduser", OLD_PASSWORD)).isPresent();
            assertThat(storedHash(node, id)).contains("m=1024,t=1,p=1");
        }
    }

    @Test
    void settings_keep_other_keys_after_rehash() throws Exception {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of("smtp_server", "mail.example.com"))) {
            node.set(Settings.ADMIN_PASSWORD, sha1Hex(OLD_PASSWORD));

            node.wiring.users.authenticate("admin", OLD_PASSWORD);

            assertThat(node.settings().get("smtp_server")).isEqualTo("mail.example.com");
        }
    }
}
