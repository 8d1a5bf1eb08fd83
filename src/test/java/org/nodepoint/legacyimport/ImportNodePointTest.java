package org.nodepoint.legacyimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.cli.CommandRun;
import org.nodepoint.config.Settings;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;

class ImportNodePointTest {
    private static final long CREATED_UTC = LocalDateTime.of(2025, 12, 4, 10, 0).toInstant(ZoneOffset.UTC).toEpochMilli();

    @TempDir
    Path temp;

    private LegacyFixture old;

    @BeforeEach
    void buildLegacySite() throws Exception {
        old = LegacyFixture.create(temp.resolve("old"), LegacySite.settings());
        LegacySite.fill(old);
        old.close();
    }

    private Path data() {
        return temp.resolve("data");
    }

    private CommandRun importOld() {
        return CommandRun.of("import-nodepoint", "--from", old.folder().toString(), "--data", data().toString(), "--zone", "UTC");
    }

    private <T> T query(TestNodePoint node, org.jdbi.v3.core.HandleCallback<T, RuntimeException> callback) {
        return node.wiring.database.read().withHandle(callback);
    }

    private static long count(TestNodePoint node, String sql) {
        return node.wiring.database.read().withHandle(handle -> count(handle, sql));
    }

    private static String text(TestNodePoint node, String sql) {
        return node.wiring.database.read().withHandle(handle -> handle.createQuery(sql).mapTo(String.class).one());
    }

    private static long count(Handle handle, String sql) {
        return handle.createQuery(sql).mapTo(Long.class).one();
    }

    @Test
    void report_counts_each_table() {
        CommandRun run = importOld();

        assertThat(run.status()).as(run.err()).isEqualTo(0);
        assertThat(run.outLines()).contains(
                "users: read 5, imported 3, skipped 2",
                "tickets: read 3, imported 2, skipped 1",
                "  skipped: product 99 does not exist (1)",
                "comments: read 3, imported 2, skipped 1",
                "  skipped: ticket 2 does not exist (1)",
                "comments.file (files): read 2, imported 1, skipped 1",
                "  skipped: file is missing from the 1.x upload folder; the comment is imported without it (1)",
                "billing: read 2, imported 1, skipped 1",
                "  skipped: no client has this name (1)",
                "secrets: read 1, imported 0, skipped 1",
                "settings: not copied, unknown to this version: legacy_only_key");
        assertThat(run.outLines().get(run.outLines().size() - 1)).matches("imported \\d+ rows, skipped \\d+ rows in \\d+\\.\\d s");
    }

    @Test
    void every_row_accounted_for() throws Exception {
        ImportSummary summary;
        try (TestNodePoint ignored = TestNodePoint.unconfigured(data())) {
            // The folder is created and migrated, as a first start of the server leaves it.
        }
        summary = new LegacyImport(Clock.systemUTC()).run(old.folder(), data(), ZoneOffset.UTC, rows -> { });

        for (TableReport table : summary.tables()) {
            assertThat(table.importedCount() + table.skippedCount()).as(table.table()).isEqualTo(table.readCount());
        }
        LegacyFixture reopened = LegacyFixture.reopen(old.folder());
        for (String table : LegacyFixture.TABLES.keySet()) {
            long rows = reopened.count(table);
            long read = summary.tables().stream().filter(report -> report.table().equals(table)).mapToLong(TableReport::readCount).sum();
            assertThat(read).as(table).isEqualTo(rows);
        }
        reopened.close();
    }

    @Test
    void tables_imported_with_ids() {
        assertThat(importOld().status()).isEqualTo(0);

        try (TestNodePoint node = TestNodePoint.reopen(data())) {
            query(node, handle -> {
                assertThat(handle.createQuery("SELECT id FROM tickets ORDER BY id").mapTo(Long.class).list()).containsExactly(1L, 3L);
                assertThat(handle.createQuery("SELECT id FROM products ORDER BY id").mapTo(Long.class).list()).containsExactly(1L, 2L);
                assertThat(handle.createQuery("SELECT id FROM comments ORDER BY id").mapTo(Long.class).list()).containsExactly(1L, 2L);
                assertThat(handle.createQuery("SELECT id FROM clients ORDER BY id").mapTo(Long.class).list()).containsExactly(1L, 2L);
                assertThat(handle.createQuery("SELECT id FROM items ORDER BY id").mapTo(Long.class).list()).containsExactly(1L, 3L);
                assertThat(handle.createQuery("SELECT id FROM articles ORDER BY id").mapTo(Long.class).list()).containsExactly(1L);
                assertThat(count(handle, "SELECT count(*) FROM releases")).isEqualTo(1);
                assertThat(count(handle, "SELECT count(*) FROM time_entries")).isEqualTo(1);
                assertThat(count(handle, "SELECT count(*) FROM ticket_attention")).isEqualTo(1);
                assertThat(count(handle, "SELECT count(*) FROM client_events")).isEqualTo(1);
                assertThat(count(handle, "SELECT count(*) FROM item_history")).isEqualTo(2);
                assertThat(count(handle, "SELECT count(*) FROM article_tickets")).isEqualTo(1);
                assertThat(count(handle, "SELECT count(*) FROM article_favourites")).isEqualTo(1);
                assertThat(count(handle, "SELECT count(*) FROM tasks")).isEqualTo(1);
                assertThat(count(handle, "SELECT count(*) FROM shouts")).isEqualTo(1);
                assertThat(count(handle, "SELECT count(*) FROM shared_files")).isEqualTo(1);
                assertThat(count(handle, "SELECT count(*) FROM file_downloads")).isEqualTo(1);
                assertThat(count(handle, "SELECT count(*) FROM product_auto_assignees")).isEqualTo(1);
                assertThat(count(handle, "SELECT count(*) FROM ticket_forms WHERE is_default = 1")).isEqualTo(1);
                assertThat(count(handle, "SELECT count(*) FROM product_images")).isEqualTo(1);
                return null;
            });
        }
    }

    @Test
    void ticket_values_decoded() {
        assertThat(importOld().status()).isEqualTo(0);

        try (TestNodePoint node = TestNodePoint.reopen(data())) {
            Map<String, Object> ticket = query(node, handle -> handle.createQuery(
                    "SELECT t.title, t.description, t.priority, t.status, t.release, t.created_at, t.updated_at, u.name AS author "
                            + "FROM tickets t JOIN users u ON u.id = t.created_by WHERE t.id = 1").mapToMap().one());
            assertThat(ticket.get("title")).isEqualTo(LegacySite.DECODED_TITLE);
            assertThat(ticket.get("description")).isEqualTo("日本語 😀");
            assertThat(ticket.get("priority")).isEqualTo(2);
            assertThat(ticket.get("status")).isEqualTo("Open");
            assertThat(ticket.get("release")).isEqualTo("1.0");
            assertThat(((Number) ticket.get("created_at")).longValue()).isEqualTo(CREATED_UTC);
            assertThat(ticket.get("updated_at")).isNull();
            assertThat(ticket.get("author")).isEqualTo("alice");
            List<String> assignees = query(node, handle -> handle.createQuery(
                    "SELECT u.name FROM ticket_assignees a JOIN users u ON u.id = a.user_id WHERE a.ticket_id = 1 ORDER BY u.name").mapTo(String.class).list());
            assertThat(assignees).containsExactly("alice", "bob");
            List<String> followers = query(node, handle -> handle.createQuery(
                    "SELECT u.name FROM ticket_followers f JOIN users u ON u.id = f.user_id WHERE f.ticket_id = 1").mapTo(String.class).list());
            assertThat(followers).containsExactly("carol");
        }
    }

    @Test
    void awkward_rows_repaired() {
        assertThat(importOld().status()).isEqualTo(0);

        try (TestNodePoint node = TestNodePoint.reopen(data())) {
            query(node, handle -> {
                Map<String, Object> haunted = handle.createQuery("SELECT t.priority, t.status, u.name, u.disabled, u.password_hash "
                        + "FROM tickets t JOIN users u ON u.id = t.created_by WHERE t.id = 3").mapToMap().one();
                assertThat(haunted.get("priority")).isEqualTo(1);
                assertThat(haunted.get("status")).isEqualTo("New");
                assertThat(haunted.get("name")).isEqualTo("ghost");
                assertThat(haunted.get("disabled")).isEqualTo(1);
                assertThat(haunted.get("password_hash")).isNull();
                assertThat(handle.createQuery("SELECT name FROM products WHERE id = 2").mapTo(String.class).one()).isEqualTo("WIDGETS 日本語 (2)");
                assertThat(handle.createQuery("SELECT visibility FROM products WHERE id = 2").mapTo(String.class).one()).isEqualTo("Private");
                assertThat(handle.createQuery("SELECT level FROM users WHERE name = 'bob'").mapTo(Integer.class).one()).isEqualTo(5);
                assertThat(handle.createQuery("SELECT password_hash FROM users WHERE name = 'bob'").mapTo(String.class).findOne()).isEmpty();
                assertThat(handle.createQuery("SELECT disabled FROM users WHERE name = 'carol'").mapTo(Integer.class).one()).isEqualTo(1);
                assertThat(handle.createQuery("SELECT status FROM items WHERE id = 3").mapTo(String.class).one()).isEqualTo("available");
                assertThat(handle.createQuery("SELECT product_id FROM items WHERE id = 3").mapTo(Long.class).findOne()).isEmpty();
                assertThat(handle.createQuery("SELECT completion FROM tasks").mapTo(Integer.class).one()).isEqualTo(50);
                assertThat(handle.createQuery("SELECT due_date FROM tasks").mapTo(String.class).one()).isEqualTo("2026-03-15");
                return null;
            });
        }
    }

    @Test
    void clients_items_and_articles_linked() {
        assertThat(importOld().status()).isEqualTo(0);

        try (TestNodePoint node = TestNodePoint.reopen(data())) {
            query(node, handle -> {
                assertThat(handle.createQuery("SELECT client_id FROM ticket_billing WHERE ticket_id = 1").mapTo(Long.class).one()).isEqualTo(1L);
                Map<String, Object> terms = handle.createQuery("SELECT client_id, type, rate_cents, currency FROM client_billing").mapToMap().one();
                assertThat(terms.get("client_id")).isEqualTo(1);
                assertThat(terms.get("type")).isEqualTo("hourly");
                assertThat(terms.get("rate_cents")).isEqualTo(5025);
                assertThat(terms.get("currency")).isEqualTo("EUR");
                Map<String, Object> event = handle.createQuery("SELECT type, notes FROM client_events").mapToMap().one();
                assertThat(event.get("type")).isEqualTo("phone");
                assertThat(event.get("notes")).isEqualTo("Notes \"quoted\"");
                Map<String, Object> item = handle.createQuery("SELECT i.status, i.expires_on, i.serial, u.name AS holder FROM items i "
                        + "JOIN users u ON u.id = i.holder_id WHERE i.id = 1").mapToMap().one();
                assertThat(item.get("status")).isEqualTo("checked_out");
                assertThat(item.get("expires_on")).isEqualTo("2026-12-31");
                assertThat(item.get("serial")).isEqualTo("SN-1");
                assertThat(item.get("holder")).isEqualTo("alice");
                assertThat(handle.createQuery("SELECT action FROM item_history ORDER BY id").mapTo(String.class).list())
                        .containsExactly("checked_out", "assigned");
                assertThat(handle.createQuery("SELECT title FROM articles WHERE id = 1").mapTo(String.class).one()).isEqualTo("Using <tags>");
                assertThat(handle.createQuery("SELECT product_id FROM articles WHERE id = 1").mapTo(Long.class).findOne()).isEmpty();
                assertThat(handle.createQuery("SELECT hundredths FROM time_entries").mapTo(Long.class).one()).isEqualTo(150L);
                assertThat(handle.createQuery("SELECT message FROM shouts").mapTo(String.class).one()).isEqualTo("hello 😀");
                return null;
            });
        }
    }

    @Test
    void uploads_copied_under_new_names() throws Exception {
        assertThat(importOld().status()).isEqualTo(0);

        try (TestNodePoint node = TestNodePoint.reopen(data())) {
            Map<String, Object> attachment = query(node, handle -> handle.createQuery(
                    "SELECT stored_name, original_name, size_bytes, sha256 FROM attachments WHERE comment_id = 1").mapToMap().one());
            String storedName = (String) attachment.get("stored_name");
            assertThat(storedName).matches("[0-9a-f-]{36}");
            assertThat(attachment.get("original_name")).isEqualTo("report.txt");
            Path copy = node.wiring.uploadFolder.pathOf(storedName).orElseThrow();
            assertThat(Files.readString(copy)).isEqualTo("report text");
            assertThat(attachment.get("sha256")).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest("report text".getBytes())));
            assertThat(count(node, "SELECT count(*) FROM attachments WHERE comment_id = 2")).isZero();
            assertThat(text(node, "SELECT content_type FROM product_images WHERE product_id = 1")).isEqualTo("image/png");
        }
    }

    @Test
    void linked_uploads_not_copied() throws Exception {
        Path secret = Files.writeString(temp.resolve("secret.txt"), "TOP-SECRET-OUTSIDE");
        Files.createSymbolicLink(old.folder().resolve("uploads").resolve("linkfile"), secret);
        LegacyFixture legacy = LegacyFixture.reopen(old.folder());
        legacy.insert("comments", 1, "alice", "Linked file", LegacySite.CREATED, "Never", "linkfile", "secret.txt");
        long sharedId = legacy.insert("files", "alice", "linkfile", "secret.txt", LegacySite.CREATED, 18);
        legacy.close();

        CommandRun run = importOld();

        assertThat(run.status()).isEqualTo(0);
        assertThat(run.out()).contains("skipped: " + LegacyUploads.LINK_OR_OUTSIDE + "; the comment is imported without it (1)");
        assertThat(run.out()).contains("skipped: " + LegacyUploads.LINK_OR_OUTSIDE + " (1)");
        try (TestNodePoint node = TestNodePoint.reopen(data())) {
            assertThat(count(node, "SELECT count(*) FROM attachments WHERE original_name = 'secret.txt'")).isZero();
            assertThat(count(node, "SELECT count(*) FROM shared_files WHERE id = " + sharedId)).isZero();
        }
        try (var files = Files.walk(data().resolve("uploads"))) {
            List<Path> copies = files.filter(Files::isRegularFile).toList();
            for (Path copy : copies) {
                assertThat(Files.readString(copy, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("TOP-SECRET");
            }
        }
    }

    @Test
    void admin_row_without_password_skipped() throws Exception {
        Map<String, String> settings = new java.util.LinkedHashMap<>(LegacySite.settings());
        settings.put("admin_name", "admin");
        settings.put("admin_pass", "");
        old.settings(settings);
        LegacyFixture legacy = LegacyFixture.reopen(old.folder());
        legacy.insert("users", "admin", LegacySite.sha1("admin-password"), "", 5, "Never", "");
        legacy.insert("shoutbox", "admin", "from the administrator", LegacySite.CREATED);
        legacy.close();

        CommandRun run = importOld();

        assertThat(run.status()).isEqualTo(0);
        assertThat(run.out()).contains("skipped: name is the administrator's name");
        assertThat(run.out()).contains("settings: the data folder has no administrator password");
        try (TestNodePoint node = TestNodePoint.reopen(data())) {
            assertThat(count(node, "SELECT count(*) FROM users WHERE lower(name) = 'admin' AND kind = 'local'")).isZero();
            assertThat(text(node, "SELECT kind FROM users WHERE name = 'admin'")).isEqualTo("admin");
            assertThat(text(node, "SELECT u.kind FROM shouts s JOIN users u ON u.id = s.user_id WHERE s.message = 'from the administrator'"))
                    .isEqualTo("admin");

            node.wiring.setup.configure(new org.nodepoint.setup.SetupForm("admin", TestNodePoint.ADMIN_PASSWORD, TestNodePoint.ADMIN_PASSWORD,
                    "Desk", "Restricted", false, false, "", ""));

            assertThat(node.wiring.users.authenticate("admin", TestNodePoint.ADMIN_PASSWORD)).hasValueSatisfying(
                    user -> assertThat(user.isAdmin()).isTrue());
        }
    }

    @Test
    void invalid_names_repaired() throws Exception {
        LegacyFixture legacy = LegacyFixture.reopen(old.folder());
        legacy.insert("users", "evil&lt;script&gt;", LegacySite.sha1("evil-password"), "", 1, "Never", "");
        legacy.insert("shoutbox", "evil&lt;script&gt;", "shout by a renamed user", LegacySite.CREATED);
        legacy.insert("shoutbox", "x&lt;y", "shout by a deleted user", LegacySite.CREATED);
        legacy.upload("path-guid", "path text".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        legacy.insert("comments", 1, "alice", "Path in the name", LegacySite.CREATED, "Never", "path-guid", "../../evil&lt;x&gt;.txt");
        long sharedId = legacy.insert("files", "alice", "path-guid", "/etc/cron.d/x", LegacySite.CREATED, 9);
        legacy.close();

        CommandRun run = importOld();

        assertThat(run.status()).isEqualTo(0);
        assertThat(run.out()).contains("repaired: user name is invalid (allowed: 3 to 20 letters, digits, '.' or '-'); renamed to evilscriptgt");
        assertThat(run.out()).contains("repaired: user name is invalid (allowed: 3 to 20 letters, digits, '.' or '-'); renamed to userxy");
        assertThat(run.out()).contains("repaired: file name had a path");
        try (TestNodePoint node = TestNodePoint.reopen(data())) {
            assertThat(count(node, "SELECT count(*) FROM users WHERE name LIKE '%<%' OR name LIKE '%&%' OR name LIKE '%;%'")).isZero();
            assertThat(text(node, "SELECT u.name FROM shouts s JOIN users u ON u.id = s.user_id WHERE s.message = 'shout by a renamed user'"))
                    .isEqualTo("evilscriptgt");
            assertThat(text(node, "SELECT u.name FROM shouts s JOIN users u ON u.id = s.user_id WHERE s.message = 'shout by a deleted user'"))
                    .isEqualTo("userxy");
            assertThat(text(node, "SELECT original_name FROM attachments a JOIN comments c ON c.id = a.comment_id WHERE c.body = 'Path in the name'"))
                    .isEqualTo("evil<x&gt;.txt");
            assertThat(text(node, "SELECT original_name FROM shared_files WHERE id = " + sharedId)).isEqualTo("x");
            assertThat(node.wiring.users.authenticate("evilscriptgt", "evil-password")).isPresent();
        }
    }

    @Test
    void settings_mapped() {
        assertThat(importOld().status()).isEqualTo(0);

        try (TestNodePoint node = TestNodePoint.reopen(data())) {
            Settings settings = node.settings();
            assertThat(settings.siteName()).isEqualTo("Old Desk");
            assertThat(settings.adminName()).isEqualTo(LegacySite.ADMIN_NAME);
            assertThat(settings.apiReadKey()).isEqualTo(LegacySite.READ_KEY);
            assertThat(settings.apiWriteKey()).isEqualTo(LegacySite.WRITE_KEY);
            assertThat(settings.smtpPassword()).isEqualTo(LegacySite.SMTP_PASSWORD);
            assertThat(settings.get(Settings.DB_ADDRESS)).isEqualTo("db/nodepoint.db");
            assertThat(settings.get(Settings.UPLOAD_FOLDER)).isEqualTo("uploads");
            assertThat(settings.get(Settings.TIME_ZONE)).isEqualTo("UTC");
            assertThat(settings.get("legacy_only_key")).isEmpty();
        }
    }

    @Test
    void sha1_password_signs_in_and_rehashes() {
        assertThat(importOld().status()).isEqualTo(0);

        try (TestNodePoint node = TestNodePoint.reopen(data())) {
            node.http((server, client) -> {
                assertThat(new Browser(client.getOrigin()).signIn("alice", LegacySite.ALICE_PASSWORD).status()).isEqualTo(302);
                assertThat(new Browser(client.getOrigin()).signIn(LegacySite.ADMIN_NAME, LegacySite.ADMIN_PASSWORD).status()).isEqualTo(302);
            });
            String aliceHash = text(node, "SELECT password_hash FROM users WHERE name = 'alice'");
            assertThat(aliceHash).startsWith("$argon2id");
            assertThat(node.settings().adminPasswordHash()).startsWith("$argon2id");
        }
    }

    @Test
    void legacy_api_ids_stay_valid() {
        assertThat(importOld().status()).isEqualTo(0);

        try (TestNodePoint node = TestNodePoint.reopen(data())) {
            node.http((server, client) -> {
                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(client.getOrigin() + "/?api=show_ticket&id=3&key=" + LegacySite.READ_KEY)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode ticket = new ObjectMapper().readTree(response.body());
                assertThat(ticket.path("title").asText()).isEqualTo("Haunted");
                assertThat(ticket.path("product_id").asText()).isEqualTo("1");
            });
        }
    }

    @Test
    void imported_site_serves_pages() {
        assertThat(importOld().status()).isEqualTo(0);

        try (TestNodePoint node = TestNodePoint.reopen(data())) {
            node.http((server, client) -> {
                Browser admin = new Browser(client.getOrigin());
                assertThat(admin.signIn(LegacySite.ADMIN_NAME, LegacySite.ADMIN_PASSWORD).status()).isEqualTo(302);
                Browser.Page ticket = admin.get("/tickets/1");
                assertThat(ticket.status()).isEqualTo(200);
                assertThat(ticket.body()).contains("日本語 😀").contains("&lt;b&gt;bold&lt;/b&amp;gt;");
                assertThat(admin.get("/clients/1").status()).isEqualTo(200);
                assertThat(admin.get("/items/1").status()).isEqualTo(200);
                assertThat(admin.get("/articles/1").status()).isEqualTo(200);
                Browser.Page search = admin.get("/search?q=Haunted");
                assertThat(search.status()).isEqualTo(200);
                assertThat(search.body()).contains("/tickets/3");
            });
        }
    }

    @Test
    void second_import_rejected() throws Exception {
        assertThat(importOld().status()).isEqualTo(0);
        long filesAfterFirst;
        try (var files = Files.list(data().resolve("uploads"))) {
            filesAfterFirst = files.count();
        }

        CommandRun second = importOld();

        assertThat(second.status()).isEqualTo(1);
        assertThat(second.err()).contains("already has 4 user accounts besides the administrator").contains("nothing was imported");
        try (var files = Files.list(data().resolve("uploads"))) {
            assertThat(files.count()).isEqualTo(filesAfterFirst);
        }
    }

    @Test
    void failed_import_leaves_folder_unchanged() throws Exception {
        try (TestNodePoint node = TestNodePoint.configured(data())) {
            node.wiring.database.read();
        }
        Map<String, String> settings = new java.util.LinkedHashMap<>(LegacySite.settings());
        settings.put("admin_name", "api");
        old.settings(settings);
        String settingsBefore = Files.readString(data().resolve("nodepoint.cfg"));

        CommandRun run = importOld();

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("UNIQUE constraint failed").contains("nothing was imported");
        assertThat(Files.readString(data().resolve("nodepoint.cfg"))).isEqualTo(settingsBefore);
        try (TestNodePoint node = TestNodePoint.reopen(data())) {
            assertThat(count(node, "SELECT count(*) FROM tickets")).isZero();
            assertThat(count(node, "SELECT count(*) FROM users WHERE kind = 'local'")).isZero();
        }
        try (var files = Files.list(data().resolve("uploads"))) {
            assertThat(files.filter(Files::isRegularFile).count()).isZero();
        }
    }

    @Test
    void old_database_not_changed() throws Exception {
        Path database = old.folder().resolve("db/nodepoint.db");
        byte[] before = Files.readAllBytes(database);

        assertThat(importOld().status()).isEqualTo(0);

        assertThat(Files.readAllBytes(database)).isEqualTo(before);
        assertThat(Files.exists(old.folder().resolve("db/nodepoint.db-wal"))).isFalse();
    }

    @Test
    void missing_installation_rejected() {
        CommandRun run = CommandRun.of("import-nodepoint", "--from", temp.toString(), "--data", data().toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("has no nodepoint.cfg");
    }
}
