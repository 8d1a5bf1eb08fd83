package org.nodepoint.sharedfiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.MultipartForm;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.SecretTokens;

/**
 * The Files page over HTTP: uploads under the upload rules, the direct link that works without
 * signing in, new links, deletion, and the download log.
 */
class SharedFileRoutesTest {
    @TempDir
    Path folder;

    private static final byte[] CONTENT = "<html><script>alert(1)</script></html>\n\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);

    private TestNodePoint node(Map<String, String> settings) {
        TestNodePoint node = TestNodePoint.configured(folder, settings);
        node.user("alice", Level.AUTHORIZED);
        node.user("bob", Level.AUTHORIZED);
        node.user("zero", Level.UNAUTHORIZED);
        node.user("manager", Level.PROJECTS_MANAGEMENT);
        node.user("moderator", Level.USERS_MANAGEMENT);
        return node;
    }

    private TestNodePoint node() {
        return node(Map.of());
    }

    private static Browser signedIn(String origin, String name) {
        Browser browser = new Browser(origin);
        assertThat(browser.signIn(name, TestNodePoint.PASSWORD).status()).isEqualTo(302);
        browser.get("/files");
        return browser;
    }

    private static Browser.Page upload(Browser browser, String name, byte[] content) {
        return browser.postMultipart("/files", new MultipartForm().file("file", name, content));
    }

    /** Returns the link that the page after an upload or a relink shows, as a path. */
    private static String linkOf(Browser.Page page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        String url = Jsoup.parse(page.body()).selectFirst("#link").attr("value");
        assertThat(url).startsWith(SharedFiles.LINK_PREFIX);
        return url;
    }

    private static List<Map<String, Object>> fileRows(TestNodePoint node) {
        return node.wiring.database.read().withHandle(handle -> handle.createQuery("SELECT * FROM shared_files ORDER BY id").mapToMap().list());
    }

    private static List<Map<String, Object>> downloadRows(TestNodePoint node) {
        return node.wiring.database.read().withHandle(handle -> handle.createQuery("SELECT * FROM file_downloads ORDER BY id")
                .mapToMap().list());
    }

    private static List<String> storedFiles(TestNodePoint node) {
        try (Stream<Path> files = Files.list(node.wiring.uploadFolder.path())) {
            return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).toList();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    @Test
    void link_downloads_exact_bytes_signed_out() {
        try (TestNodePoint node = node()) {
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");
                String link = linkOf(upload(alice, "page.html", CONTENT));

                Browser.Download download = new Browser(client.getOrigin()).download(link);

                assertThat(download.status()).isEqualTo(200);
                assertThat(download.body()).isEqualTo(CONTENT);
                assertThat(download.header("Content-Type")).isEqualTo("application/octet-stream");
                assertThat(download.header("Content-Disposition")).isEqualTo("attachment; filename=\"page.html\"; filename*=UTF-8''page.html");
                assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
                assertThat(download.header("Cache-Control")).isEqualTo("private, no-cache");
            });
        }
    }

    @Test
    void link_is_shown_once_and_stored_as_hash() {
        try (TestNodePoint node = node()) {
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");
                Browser.Page uploaded = upload(alice, "notes.txt", "notes".getBytes(StandardCharsets.UTF_8));
                String link = linkOf(uploaded);
                String token = link.substring(SharedFiles.LINK_PREFIX.length());

                assertThat(token).hasSize(SecretTokens.LENGTH);
                assertThat(uploaded.headers().firstValue("Cache-Control")).contains("no-store");
                assertThat(alice.get("/files").body()).contains("notes.txt").doesNotContain(token);
                Map<String, Object> row = fileRows(node).get(0);
                assertThat(row.get("token_hash")).isEqualTo(SecretTokens.hash(token));
                assertThat(row.values()).extracting(String::valueOf).noneMatch(value -> value.contains(token));
            });
        }
    }

    @Test
    void list_shows_name_size_uploader_date() {
        try (TestNodePoint node = node()) {
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");
                upload(alice, "report.pdf", new byte[1_500]);
                upload(alice, "second.txt", new byte[12]);

                Document list = Jsoup.parse(signedIn(client.getOrigin(), "bob").get("/files").body());

                List<String> firstRow = list.select("#files tbody tr").get(0).select("td").eachText();
                List<String> secondRow = list.select("#files tbody tr").get(1).select("td").eachText();
                assertThat(firstRow.subList(0, 3)).containsExactly("second.txt", "12 bytes", "alice");
                assertThat(secondRow.subList(0, 3)).containsExactly("report.pdf", "1.5 KB", "alice");
                assertThat(firstRow.get(3)).isNotBlank();
                assertThat(list.text()).contains("1–2 of 2");
            });
        }
    }

    @Test
    void list_pages_with_totals() {
        try (TestNodePoint node = node(Map.of(Settings.PAGE_LENGTH, String.valueOf(Settings.MIN_PAGE_LENGTH)))) {
            for (int i = 1; i <= 11; i++) {
                node.sharedFile(node.admin(), "file" + i + ".txt", new byte[i]);
            }
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");

                Document third = Jsoup.parse(alice.get("/files?page=3").body());

                assertThat(third.select("#files tbody tr td:first-child").eachText()).containsExactly("file1.txt");
                assertThat(third.text()).contains("11–11 of 11");
            });
        }
    }

    @Test
    void upload_needs_upload_level() {
        try (TestNodePoint node = node(Map.of(Settings.UPLOAD_LEVEL, "3"))) {
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");
                Browser zero = new Browser(client.getOrigin());
                zero.signIn("zero", TestNodePoint.PASSWORD);
                zero.get("/");

                assertThat(Jsoup.parse(alice.get("/files").body()).select("form[action=/files]")).isEmpty();
                assertThat(upload(alice, "a.txt", CONTENT).status()).isEqualTo(403);
                assertThat(upload(zero, "a.txt", CONTENT).status()).isEqualTo(403);
                assertThat(linkOf(upload(signedIn(client.getOrigin(), "manager"), "a.txt", CONTENT))).isNotEmpty();
                assertThat(fileRows(node)).hasSize(1);
            });
        }
    }

    @Test
    void upload_checks_size_and_extension() {
        try (TestNodePoint node = node(Map.of(Settings.MAX_UPLOAD_SIZE, "100", Settings.UPLOAD_EXTENSIONS, "pdf,txt"))) {
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");

                Browser.Page tooLarge = upload(alice, "big.txt", new byte[101]);
                Browser.Page wrongExtension = upload(alice, "tool.exe", new byte[10]);
                Browser.Page noFile = alice.postMultipart("/files", new MultipartForm().field("other", "x"));
                Browser.Page largest = upload(alice, "ok.PDF", new byte[100]);

                assertThat(tooLarge.status()).isEqualTo(422);
                assertThat(Jsoup.parse(tooLarge.body()).select("#file-error").text())
                        .isEqualTo("The file big.txt has 101 bytes, more than the limit of 100 bytes (100 bytes) per file.");
                assertThat(wrongExtension.status()).isEqualTo(422);
                assertThat(Jsoup.parse(wrongExtension.body()).select("#file-error").text())
                        .isEqualTo("The file tool.exe has the extension exe, which is not allowed. Allowed extensions: pdf, txt.");
                assertThat(noFile.status()).isEqualTo(422);
                assertThat(Jsoup.parse(noFile.body()).select("#file-error").text()).isEqualTo("File is missing: choose a file to upload.");
                assertThat(linkOf(largest)).isNotEmpty();
                assertThat(fileRows(node)).extracting(row -> row.get("original_name")).containsExactly("ok.PDF");
                assertThat(storedFiles(node)).hasSize(1);
            });
        }
    }

    @Test
    void link_stops_after_deletion() {
        try (TestNodePoint node = node()) {
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");
                String link = linkOf(upload(alice, "plan.txt", CONTENT));
                long id = ((Number) fileRows(node).get(0).get("id")).longValue();
                String storedName = (String) fileRows(node).get(0).get("stored_name");
                assertThat(storedFiles(node)).containsExactly(storedName);

                assertThat(alice.get("/files/" + id + "/delete").status()).isEqualTo(200);
                Browser.Page unconfirmed = alice.post("/files/" + id + "/delete", Map.of());
                assertThat(unconfirmed.status()).isEqualTo(422);
                assertThat(new Browser(client.getOrigin()).download(link).status()).isEqualTo(200);

                Browser.Page deleted = alice.post("/files/" + id + "/delete", Map.of("confirm", "yes"));

                assertThat(deleted.status()).isEqualTo(302);
                assertThat(new Browser(client.getOrigin()).download(link).status()).isEqualTo(404);
                assertThat(alice.download("/files/" + id + "/download").status()).isEqualTo(404);
                assertThat(storedFiles(node)).isEmpty();
                assertThat(fileRows(node).get(0).get("deleted_at")).isNotNull();
                assertThat(alice.get("/files").body()).doesNotContain("plan.txt");
            });
        }
    }

    @Test
    void new_link_ends_old_link() {
        try (TestNodePoint node = node()) {
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");
                String oldLink = linkOf(upload(alice, "plan.txt", CONTENT));
                long id = ((Number) fileRows(node).get(0).get("id")).longValue();

                String newLink = linkOf(alice.post("/files/" + id + "/link", Map.of()));

                Browser stranger = new Browser(client.getOrigin());
                assertThat(newLink).isNotEqualTo(oldLink);
                assertThat(stranger.download(oldLink).status()).isEqualTo(404);
                assertThat(stranger.download(newLink).body()).isEqualTo(CONTENT);
            });
        }
    }

    @Test
    void only_uploader_or_level_five_manage() {
        try (TestNodePoint node = node()) {
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");
                String link = linkOf(upload(alice, "plan.txt", CONTENT));
                long id = ((Number) fileRows(node).get(0).get("id")).longValue();
                Browser bob = signedIn(client.getOrigin(), "bob");
                Browser manager = signedIn(client.getOrigin(), "manager");
                Browser moderator = signedIn(client.getOrigin(), "moderator");

                assertThat(Jsoup.parse(bob.get("/files").body()).select("form[action=/files/" + id + "/link]")).isEmpty();
                assertThat(bob.post("/files/" + id + "/link", Map.of()).status()).isEqualTo(403);
                assertThat(bob.post("/files/" + id + "/delete", Map.of("confirm", "yes")).status()).isEqualTo(403);
                assertThat(manager.post("/files/" + id + "/delete", Map.of("confirm", "yes")).status()).isEqualTo(403);
                assertThat(new Browser(client.getOrigin()).download(link).status()).isEqualTo(200);

                assertThat(moderator.post("/files/" + id + "/delete", Map.of("confirm", "yes")).status()).isEqualTo(302);
                assertThat(new Browser(client.getOrigin()).download(link).status()).isEqualTo(404);
            });
        }
    }

    @Test
    void guessed_tokens_are_not_found() {
        try (TestNodePoint node = node()) {
            String token = node.sharedFile(node.admin(), "secret.txt", CONTENT).path().substring(SharedFiles.LINK_PREFIX.length());
            node.http((server, client) -> {
                Browser stranger = new Browser(client.getOrigin());
                List<String> guesses = List.of("", "abc", "A".repeat(SecretTokens.LENGTH), token.substring(1), token + "A",
                        token.toUpperCase(java.util.Locale.ROOT).equals(token) ? token.toLowerCase(java.util.Locale.ROOT)
                                : token.toUpperCase(java.util.Locale.ROOT),
                        SecretTokens.hash(token), "..%2F..%2Fnodepoint.cfg");

                for (String guess : guesses) {
                    assertThat(stranger.download(SharedFiles.LINK_PREFIX + guess).status()).as(guess).isEqualTo(404);
                }
                assertThat(stranger.download(SharedFiles.LINK_PREFIX + token).status()).isEqualTo(200);
                assertThat(downloadRows(node)).hasSize(1);
            });
        }
    }

    @Test
    void download_log_records_every_download() {
        try (TestNodePoint node = node()) {
            String link = node.sharedFile(node.admin(), "manual.pdf", CONTENT).path();
            node.http((server, client) -> {
                new Browser(client.getOrigin()).download(link);
                Browser alice = signedIn(client.getOrigin(), "alice");
                alice.download(link);

                List<Map<String, Object>> rows = downloadRows(node);
                assertThat(rows).hasSize(2);
                assertThat(rows.get(0).get("user_id")).isNull();
                assertThat((String) rows.get(0).get("address")).matches("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
                assertThat(((Number) rows.get(1).get("user_id")).longValue()).isEqualTo(node.wiring.users.findByName("alice").orElseThrow().id());
            });
        }
    }

    @Test
    void download_log_is_for_level_five() {
        try (TestNodePoint node = node()) {
            String link = node.sharedFile(node.admin(), "manual.pdf", CONTENT).path();
            node.http((server, client) -> {
                new Browser(client.getOrigin()).download(link);
                Browser manager = signedIn(client.getOrigin(), "manager");
                Browser moderator = signedIn(client.getOrigin(), "moderator");

                assertThat(manager.get("/files/log").status()).isEqualTo(403);
                assertThat(manager.post("/files/log/clear", Map.of()).status()).isEqualTo(403);
                Document log = Jsoup.parse(moderator.get("/files/log").body());
                assertThat(log.select("#downloads tbody tr")).hasSize(1);
                assertThat(log.select("#downloads tbody td").eachText()).contains("manual.pdf", "Not signed in");

                assertThat(moderator.post("/files/log/clear", Map.of()).status()).isEqualTo(302);

                assertThat(downloadRows(node)).isEmpty();
                int clearings = node.wiring.database.read().withHandle(handle -> handle.createQuery(
                        "SELECT count(*) FROM system_log WHERE category = 'files' AND message LIKE 'Cleared the file download log%'")
                        .mapTo(Integer.class).one());
                assertThat(clearings).isEqualTo(1);
            });
        }
    }

    @Test
    void hostile_names_round_trip() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("..\\..\\nodepoint.cfg", "attachment; filename=\".._.._nodepoint.cfg\"; filename*=UTF-8''..%5C..%5Cnodepoint.cfg");
        names.put("a\"b;c.txt", "attachment; filename=\"a_b_c.txt\"; filename*=UTF-8''a%22b%3Bc.txt");
        names.put("Erklärung, Q1 – 日本語.pdf", "attachment; filename=\"Erklarung, Q1 _ ___.pdf\"; "
                + "filename*=UTF-8''Erkl%C3%A4rung%2C%20Q1%20%E2%80%93%20%E6%97%A5%E6%9C%AC%E8%AA%9E.pdf");
        try (TestNodePoint node = node()) {
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");
                for (Map.Entry<String, String> name : names.entrySet()) {
                    String link = linkOf(upload(alice, name.getKey(), CONTENT));

                    Browser.Download download = new Browser(client.getOrigin()).download(link);

                    String header = download.header("Content-Disposition");
                    assertThat(header).as(name.getKey()).isEqualTo(name.getValue());
                    String encoded = header.substring(header.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
                    assertThat(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8)).isEqualTo(name.getKey());
                    assertThat(download.body()).isEqualTo(CONTENT);
                }
                assertThat(Files.exists(folder.resolve("nodepoint.cfg"))).isTrue();
                assertThat(fileRows(node)).extracting(row -> row.get("original_name")).containsExactlyElementsOf(names.keySet());
            });
        }
    }

    @Test
    void guest_cannot_list_or_upload() {
        try (TestNodePoint node = node()) {
            node.http((server, client) -> {
                Browser guest = new Browser(client.getOrigin());

                assertThat(guest.get("/files").location()).startsWith("/login");
                assertThat(upload(guest, "a.txt", CONTENT).status()).isEqualTo(403);
                assertThat(fileRows(node)).isEmpty();
            });
        }
    }

    @Test
    void switched_off_files_are_gone() {
        try (TestNodePoint node = node()) {
            String link = node.sharedFile(node.admin(), "manual.pdf", CONTENT).path();
            node.set("comp_files", "off");
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");

                assertThat(alice.get("/files").status()).isEqualTo(404);
                assertThat(alice.get("/").body()).doesNotContain("href=\"/files\"");
                assertThat(new Browser(client.getOrigin()).download(link).status()).isEqualTo(404);
            });
        }
    }

    @Test
    void tools_menu_links_files() {
        try (TestNodePoint node = node()) {
            node.http((server, client) -> {
                assertThat(signedIn(client.getOrigin(), "alice").get("/").body()).contains("href=\"/files\"");
                assertThat(signedIn(client.getOrigin(), "zero").get("/").body()).doesNotContain("href=\"/files\"");
            });
        }
    }
}
