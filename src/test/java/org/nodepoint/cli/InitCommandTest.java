package org.nodepoint.cli;

import org.nodepoint.events.Origin;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.NodePoint;
import org.nodepoint.Wiring;
import org.nodepoint.config.SettingsFile;
import org.nodepoint.projects.Product;
import org.nodepoint.projects.ProductForm;
import org.nodepoint.tickets.NewTicket;
import org.nodepoint.users.Viewer;
import org.nodepoint.testing.TestNodePoint;

class InitCommandTest {
    private static final String PASSWORD = "init-password-1";

    @TempDir
    Path temp;

    private Path data() {
        return temp.resolve("data");
    }

    private CommandRun init(String... extra) {
        String[] args = new String[4 + extra.length];
        args[0] = "init";
        args[1] = "--data";
        args[2] = data().toString();
        args[3] = "--admin-password=" + PASSWORD;
        System.arraycopy(extra, 0, args, 4, extra.length);
        return CommandRun.of(args);
    }

    private Map<String, String> config() throws IOException {
        return new SettingsFile(data().resolve("nodepoint.cfg")).load();
    }

    private Wiring open() {
        return new Wiring(data(), TestNodePoint.FAST_HASHING, Clock.systemUTC());
    }

    @Test
    void init_creates_folder_config_and_database() {
        CommandRun run = init();

        assertThat(run.status()).isEqualTo(0);
        assertThat(run.err()).isEmpty();
        assertThat(data().resolve("nodepoint.cfg")).isRegularFile();
        assertThat(data().resolve("db/nodepoint.db")).isRegularFile();
    }

    @Test
    void init_writes_config_readable_by_owner_only() throws IOException {
        init();

        var permissions = Files.getPosixFilePermissions(data().resolve("nodepoint.cfg"));
        assertThat(PosixFilePermissions.toString(permissions)).isEqualTo("rw-------");
    }

    @Test
    void init_writes_original_key_names() throws IOException {
        init("--site-name", "Service Desk", "--ticket-visibility", "Public");

        Map<String, String> config = config();
        assertThat(config).containsKeys("admin_name", "admin_pass", "site_name", "default_vis", "allow_registrations",
                "guest_tickets", "page_len", "session_expiry", "api_read", "api_write", "api_imp", "db_address",
                "upload_folder", "default_lvl", "motd");
        assertThat(config.get("admin_name")).isEqualTo("admin");
        assertThat(config.get("site_name")).isEqualTo("Service Desk");
        assertThat(config.get("default_vis")).isEqualTo("Public");
        assertThat(config.get("allow_registrations")).isEqualTo("off");
    }

    @Test
    void init_stores_argon2_hash_not_password() throws IOException {
        init();

        String hash = config().get("admin_pass");
        assertThat(hash).startsWith("$argon2id$");
        assertThat(Files.readString(data().resolve("nodepoint.cfg"))).doesNotContain(PASSWORD);
    }

    @Test
    void init_prints_generated_keys() throws IOException {
        CommandRun run = init();

        Map<String, String> config = config();
        assertThat(config.get("api_read")).matches("[A-Za-z0-9]{32}");
        assertThat(config.get("api_write")).matches("[A-Za-z0-9]{32}");
        assertThat(config.get("api_read")).isNotEqualTo(config.get("api_write"));
        assertThat(run.outLines()).contains("API read key:  " + config.get("api_read"));
        assertThat(run.outLines()).contains("API write key: " + config.get("api_write"));
    }

    @Test
    void init_uses_given_keys() throws IOException {
        CommandRun run = init("--api-read-key", "given-read-key-0001", "--api-write-key", "given_write_key_0002");

        assertThat(config().get("api_read")).isEqualTo("given-read-key-0001");
        assertThat(config().get("api_write")).isEqualTo("given_write_key_0002");
        assertThat(run.outLines()).contains("API read key:  given-read-key-0001");
        assertThat(run.outLines()).contains("API write key: given_write_key_0002");
    }

    @Test
    void initialised_admin_can_sign_in() {
        init("--admin-name", "chief");

        try (Wiring wiring = open()) {
            assertThat(wiring.users.authenticate("chief", PASSWORD)).isPresent();
            assertThat(wiring.users.authenticate("chief", "wrong-password")).isEmpty();
        }
    }

    @Test
    void second_init_without_force_is_rejected() throws IOException {
        init();
        String before = Files.readString(data().resolve("nodepoint.cfg"));

        CommandRun again = init("--site-name", "Other");

        assertThat(again.status()).isEqualTo(1);
        assertThat(again.errLines()).hasSize(1);
        assertThat(again.err()).contains("--force");
        assertThat(Files.readString(data().resolve("nodepoint.cfg"))).isEqualTo(before);
    }

    @Test
    void init_with_force_keeps_data() throws IOException {
        init();
        try (Wiring wiring = open()) {
            Viewer admin = Viewer.of(wiring.users.findByName("admin").orElseThrow());
            Product printers = wiring.products.create(admin, new ProductForm("Printers", "", "", "Public", ""));
            wiring.tickets.file(admin, new NewTicket(printers.id(), "", "Paper jam", "Tray two jams", "Normal"), Origin.WEB);
        }

        CommandRun again = init("--force", "--site-name", "Renamed Desk", "--admin-name", "chief");

        assertThat(again.status()).isEqualTo(0);
        assertThat(config().get("site_name")).isEqualTo("Renamed Desk");
        assertThat(config().get("admin_name")).isEqualTo("chief");
        try (Wiring wiring = open()) {
            int tickets = wiring.database.read().withHandle(h -> h.createQuery("SELECT count(*) FROM tickets").mapTo(Integer.class).one());
            assertThat(tickets).isEqualTo(1);
            assertThat(wiring.users.authenticate("chief", PASSWORD)).isPresent();
        }
    }

    @Test
    void init_force_keeps_unknown_keys() throws IOException {
        init();
        Files.writeString(data().resolve("nodepoint.cfg"), "smtp_server mail.example.com\n", java.nio.file.StandardOpenOption.APPEND);

        init("--force");

        assertThat(config().get("smtp_server")).isEqualTo("mail.example.com");
    }

    @Test
    void short_admin_password_names_option() {
        CommandRun run = CommandRun.of("init", "--data", data().toString(), "--admin-password", "short");

        assertThat(run.status()).isEqualTo(NodePoint.USAGE_ERROR);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("init: --admin-password: ");
        assertThat(run.err()).contains("8 to 128");
        assertThat(data().resolve("nodepoint.cfg")).doesNotExist();
    }

    @Test
    void rejected_init_creates_no_database() {
        CommandRun run = CommandRun.of("init", "--data", data().toString(), "--admin-password", "short");

        assertThat(run.status()).isEqualTo(NodePoint.USAGE_ERROR);
        assertThat(data().resolve("db").resolve("nodepoint.db")).doesNotExist();
    }

    @Test
    void invalid_admin_name_names_option() {
        CommandRun run = init("--admin-name", "no spaces allowed");

        assertThat(run.status()).isEqualTo(NodePoint.USAGE_ERROR);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("init: --admin-name: ");
        assertThat(data().resolve("nodepoint.cfg")).doesNotExist();
    }

    @Test
    void invalid_api_key_names_option() {
        CommandRun run = init("--api-read-key", "short");

        assertThat(run.status()).isEqualTo(NodePoint.USAGE_ERROR);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("init: --api-read-key: ");
    }

    @Test
    void invalid_visibility_names_option() {
        CommandRun run = init("--ticket-visibility", "Everyone");

        assertThat(run.status()).isEqualTo(NodePoint.USAGE_ERROR);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("init: --ticket-visibility: ");
    }
}
