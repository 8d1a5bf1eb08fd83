package org.nodepoint.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {
    @TempDir
    Path folder;

    private SettingsFile file() {
        return new SettingsFile(folder.resolve("nodepoint.cfg"));
    }

    @Test
    void saved_values_load_back_unchanged() throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("site_name", "Help Desk of the East Wing");
        values.put("motd", "");
        values.put("page_len", "50");

        file().save(values);

        assertThat(file().load()).containsExactlyEntriesOf(values);
    }

    @Test
    void empty_value_is_written_as_null() throws IOException {
        file().save(Map.of("motd", ""));

        assertThat(Files.readAllLines(folder.resolve("nodepoint.cfg"))).contains("motd NULL");
    }

    @Test
    void null_value_loads_as_empty() throws IOException {
        Files.writeString(folder.resolve("nodepoint.cfg"), "smtp_server NULL\nsmtp_user\n");

        Map<String, String> values = file().load();

        assertThat(values).containsEntry("smtp_server", "");
        assertThat(values).containsEntry("smtp_user", "");
    }

    @Test
    void original_file_loads_as_written() throws IOException {
        Files.writeString(folder.resolve("nodepoint.cfg"), """
                # NodePoint settings
                # written by Config::Simple
                site_name   My   Support Site
                admin_pass 5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8
                allow_registrations off

                \t# indented comment
                dummy value
                """);

        Map<String, String> values = file().load();

        assertThat(values).containsOnlyKeys("site_name", "admin_pass", "allow_registrations", "dummy");
        assertThat(values).containsEntry("site_name", "My   Support Site");
        assertThat(values).containsEntry("admin_pass", "5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8");
        assertThat(values).containsEntry("dummy", "value");
    }

    @Test
    void crlf_line_ends_are_read() throws IOException {
        Files.writeString(folder.resolve("nodepoint.cfg"), "site_name Desk\r\npage_len 20\r\n");

        assertThat(file().load()).isEqualTo(Map.of("site_name", "Desk", "page_len", "20"));
    }

    @Test
    void missing_file_loads_as_empty() throws IOException {
        assertThat(file().exists()).isFalse();
        assertThat(file().load()).isEmpty();
    }

    @Test
    void line_breaks_in_values_cannot_add_keys() throws IOException {
        file().save(Map.of("motd", "first\nadmin_pass injected"));

        Map<String, String> values = file().load();

        assertThat(values).containsOnlyKeys("motd");
        assertThat(values.get("motd")).isEqualTo("first admin_pass injected");
    }

    @Test
    void saved_file_is_owner_only() throws IOException {
        file().save(Map.of("api_read", "secret-read-key-123"));

        var permissions = Files.getPosixFilePermissions(folder.resolve("nodepoint.cfg"));
        assertThat(PosixFilePermissions.toString(permissions)).isEqualTo("rw-------");
    }

    @Test
    void rewrite_of_open_file_stays_owner_only() throws IOException {
        Path path = folder.resolve("nodepoint.cfg");
        Files.writeString(path, "site_name Old\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));

        file().save(Map.of("site_name", "New"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
        assertThat(file().load()).containsEntry("site_name", "New");
    }

    @Test
    void save_leaves_no_temporary_file() throws IOException {
        file().save(Map.of("site_name", "One"));
        file().save(Map.of("site_name", "Two"));

        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("nodepoint.cfg");
        }
    }

    @Test
    void save_creates_missing_folder() throws IOException {
        SettingsFile nested = new SettingsFile(folder.resolve("new/data/nodepoint.cfg"));

        nested.save(Map.of("site_name", "Desk"));

        assertThat(nested.load()).containsEntry("site_name", "Desk");
    }

    @Test
    void store_update_keeps_unknown_keys() throws IOException {
        Files.writeString(folder.resolve("nodepoint.cfg"), "smtp_server mail.example.com\ncomp_items on\nsite_name Old\n");
        SettingsStore store = new SettingsStore(file());

        store.update(Map.of("site_name", "New"));

        Map<String, String> values = file().load();
        assertThat(values).containsEntry("smtp_server", "mail.example.com");
        assertThat(values).containsEntry("comp_items", "on");
        assertThat(values).containsEntry("site_name", "New");
        assertThat(store.current().siteName()).isEqualTo("New");
    }
}
