package org.nodepoint.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.uploads.UploadTesting.attachmentRows;
import static org.nodepoint.uploads.UploadTesting.commentCount;
import static org.nodepoint.uploads.UploadTesting.sha256;
import static org.nodepoint.uploads.UploadTesting.storedFiles;
import static org.nodepoint.uploads.UploadTesting.temporaryFiles;
import static org.nodepoint.uploads.UploadTesting.utf8;

import java.io.ByteArrayInputStream;
import java.io.IOException;
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
import org.nodepoint.projects.Product;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.MultipartForm;
import org.nodepoint.testing.TestImages;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.User;

/**
 * Comment attachments over HTTP: files go up with the comment form and come down as downloads
 * with their original name, under the ticket's visibility rule.
 */
class AttachmentRoutesTest {
    @TempDir
    Path folder;

    /** The names from the security review, each with the Content-Disposition header it must get. */
    private static final Map<String, String> HOSTILE_NAMES = new LinkedHashMap<>();

    static {
        HOSTILE_NAMES.put("..\\..\\nodepoint.cfg", "attachment; filename=\".._.._nodepoint.cfg\"; filename*=UTF-8''..%5C..%5Cnodepoint.cfg");
        HOSTILE_NAMES.put("a\"b;c.txt", "attachment; filename=\"a_b_c.txt\"; filename*=UTF-8''a%22b%3Bc.txt");
        HOSTILE_NAMES.put("Erklärung, Q1 – 日本語.pdf", "attachment; filename=\"Erklarung, Q1 _ ___.pdf\"; "
                + "filename*=UTF-8''Erkl%C3%A4rung%2C%20Q1%20%E2%80%93%20%E6%97%A5%E6%9C%AC%E8%AA%9E.pdf");
        HOSTILE_NAMES.put("CON", "attachment; filename=\"CON\"; filename*=UTF-8''CON");
        HOSTILE_NAMES.put("../../../etc/passwd", "attachment; filename=\".._.._.._etc_passwd\"; filename*=UTF-8''..%2F..%2F..%2Fetc%2Fpasswd");
        HOSTILE_NAMES.put("<svg onload=alert(1)>.html", "attachment; filename=\"<svg onload=alert(1)>.html\"; "
                + "filename*=UTF-8''%3Csvg%20onload%3Dalert%281%29%3E.html");
    }

    @Test
    void hostile_names_download_intact() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            long ticket = aliceTicket(node);
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");
                Map<String, byte[]> contents = new LinkedHashMap<>();
                HOSTILE_NAMES.keySet().forEach(name -> contents.put(name, utf8("content of " + name)));
                // Five files per comment at most, so the sixth name goes with a second comment.
                MultipartForm first = new MultipartForm().field("comment", "Files with awkward names");
                MultipartForm second = new MultipartForm().field("comment", "One more awkward name");
                int index = 0;
                for (Map.Entry<String, byte[]> file : contents.entrySet()) {
                    (index++ < UploadRules.MAX_FILES ? first : second).file("attachments", file.getKey(), file.getValue());
                }
                assertThat(comment(alice, ticket, first).status()).isEqualTo(302);
                assertThat(comment(alice, ticket, second).status()).isEqualTo(302);

                List<Map<String, Object>> rows = attachmentRows(node);
                assertThat(rows).extracting(row -> row.get("original_name")).containsExactlyElementsOf(HOSTILE_NAMES.keySet());
                for (Map<String, Object> row : rows) {
                    String name = (String) row.get("original_name");
                    Browser.Download download = alice.download("/attachments/" + row.get("id"));

                    assertThat(download.status()).as(name).isEqualTo(200);
                    assertThat(download.header("Content-Disposition")).as(name).isEqualTo(HOSTILE_NAMES.get(name));
                    assertThat(decodedFilenameStar(download.header("Content-Disposition"))).as(name).isEqualTo(name);
                    assertThat(download.header("Content-Type")).as(name).isEqualTo("application/octet-stream");
                    assertThat(download.header("X-Content-Type-Options")).as(name).isEqualTo("nosniff");
                    assertThat(sha256(download.body())).as(name).isEqualTo(sha256(contents.get(name)));
                }
            });
        }
    }

    @Test
    void empty_and_long_names_stay_readable() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            long ticket = aliceTicket(node);
            String longName = "quarterly-report-".repeat(20) + ".pdf";
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");
                MultipartForm form = new MultipartForm().field("comment", "Names at the edges")
                        .file("attachments", "", utf8("a file without a name"))
                        .file("attachments", longName, utf8("a file with a long name"));

                assertThat(comment(alice, ticket, form).status()).isEqualTo(302);

                List<Map<String, Object>> rows = attachmentRows(node);
                String unnamed = (String) rows.get(0).get("original_name");
                String shortened = (String) rows.get(1).get("original_name");
                assertThat(unnamed).isEqualTo("attachment");
                assertThat(alice.download("/attachments/" + rows.get(0).get("id")).header("Content-Disposition"))
                        .isEqualTo("attachment; filename=\"attachment\"; filename*=UTF-8''attachment");
                assertThat(longName.length()).isGreaterThan(FileNames.MAX_LENGTH);
                assertThat(shortened).hasSize(FileNames.MAX_LENGTH).startsWith("quarterly-report-quarterly-report-").endsWith(".pdf");
            });
        }
    }

    @Test
    void stored_file_names_are_random() throws IOException {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            long ticket = aliceTicket(node);
            List<Path> before = allFiles(folder);
            byte[] settingsBefore = Files.readAllBytes(folder.resolve("nodepoint.cfg"));
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");
                MultipartForm form = new MultipartForm().field("comment", "Path tricks")
                        .file("attachments", "..\\..\\nodepoint.cfg", utf8("overwritten?"))
                        .file("attachments", "../nodepoint.cfg", utf8("overwritten?"))
                        .file("attachments", "/tmp/evil.sh", utf8("escaped?"));

                assertThat(comment(alice, ticket, form).status()).isEqualTo(302);
            });

            List<String> stored = storedFiles(node);
            assertThat(stored).hasSize(3).allMatch(name -> name.matches(UploadTesting.UUID_NAME));
            assertThat(attachmentRows(node)).extracting(row -> row.get("stored_name")).containsExactlyInAnyOrderElementsOf(stored);
            assertThat(Files.readAllBytes(folder.resolve("nodepoint.cfg"))).isEqualTo(settingsBefore);
            Path database = folder.resolve("db");
            List<Path> added = allFiles(folder).stream().filter(path -> !before.contains(path) && !path.startsWith(database)).toList();
            assertThat(added).as("files added to the data folder, outside the database folder")
                    .containsExactlyInAnyOrderElementsOf(stored.stream().map(UploadTesting.uploads(node)::resolve).toList());
        }
    }

    @Test
    void comment_and_files_stored_together() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            long ticket = aliceTicket(node);
            byte[] png = TestImages.png();
            byte[] html = utf8("<html><script>alert(document.cookie)</script></html>");
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");
                MultipartForm form = new MultipartForm().field("comment", "Screenshot and page attached")
                        .file("attachments", "screenshot.txt", png)
                        .file("attachments", "page.html", html);

                Browser.Page posted = comment(alice, ticket, form);

                assertThat(posted.status()).isEqualTo(302);
                long commentId = Long.parseLong(posted.location().replaceFirst(".*#comment-", ""));
                List<Map<String, Object>> rows = attachmentRows(node);
                assertThat(rows).extracting(row -> ((Number) row.get("comment_id")).longValue()).containsExactly(commentId, commentId);
                assertThat(rows).extracting(row -> row.get("content_type")).containsExactly("image/png", "application/octet-stream");
                assertThat(rows).extracting(row -> row.get("sha256")).containsExactly(sha256(png), sha256(html));
                assertThat(rows).extracting(row -> ((Number) row.get("size_bytes")).longValue()).containsExactly((long) png.length, (long) html.length);
                Browser.Download page = alice.download("/attachments/" + rows.get(1).get("id"));
                assertThat(page.header("Content-Type")).isEqualTo("application/octet-stream");
                assertThat(page.header("Content-Disposition")).startsWith("attachment;");
                assertThat(page.header("Content-Security-Policy")).contains("sandbox");
            });
        }
    }

    @Test
    void ticket_page_lists_files_with_sizes() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            long ticket = aliceTicket(node);
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");
                MultipartForm form = new MultipartForm().field("comment", "Logs attached")
                        .file("attachments", "server <1>.log", new byte[1500])
                        .file("attachments", "tiny.txt", utf8("abc"));
                assertThat(comment(alice, ticket, form).status()).isEqualTo(302);

                Document page = Jsoup.parse(alice.get("/tickets/" + ticket).body());

                List<Map<String, Object>> rows = attachmentRows(node);
                assertThat(page.select("a[href=/attachments/" + rows.get(0).get("id") + "]").text()).isEqualTo("server <1>.log");
                assertThat(page.select("a[href=/attachments/" + rows.get(1).get("id") + "]").text()).isEqualTo("tiny.txt");
                assertThat(page.select(".attachment-list li").eachText()).containsExactly("server <1>.log (1.5 KB)", "tiny.txt (3 bytes)");
            });
        }
    }

    @Test
    void hidden_ticket_file_is_not_found() {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of(Settings.TICKET_VISIBILITY, "Restricted"))) {
            long ticket = aliceTicket(node);
            node.user("bob", 1);
            node.user("carol", 2);
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");
                assertThat(comment(alice, ticket, new MultipartForm().field("comment", "Private file")
                        .file("attachments", "secret.txt", utf8("only for readers of the ticket"))).status()).isEqualTo(302);
                String path = "/attachments/" + attachmentRows(node).get(0).get("id");

                Browser bob = signedIn(client.getOrigin(), "bob");
                Browser.Download asBob = bob.download(path);
                Browser.Download asGuest = new Browser(client.getOrigin()).download(path);
                Browser.Download missing = bob.download("/attachments/999999");
                Browser.Download asCarol = signedIn(client.getOrigin(), "carol").download(path);

                assertThat(asBob.status()).isEqualTo(404);
                assertThat(asGuest.status()).isEqualTo(404);
                assertThat(missing.status()).isEqualTo(404);
                assertThat(errorMessage(asBob)).isEqualTo(errorMessage(missing));
                assertThat(asCarol.status()).isEqualTo(200);
            });
        }
    }

    @Test
    void below_upload_level_is_forbidden() {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of(Settings.UPLOAD_LEVEL, "2"))) {
            long ticket = aliceTicket(node);
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");
                Document page = Jsoup.parse(alice.get("/tickets/" + ticket).body());

                Browser.Page withFile = comment(alice, ticket, new MultipartForm().field("comment", "Here is the log")
                        .file("attachments", "log.txt", utf8("log")));
                Browser.Page withoutFile = comment(alice, ticket, new MultipartForm().field("comment", "No file this time"));

                assertThat(page.select("input[type=file]")).isEmpty();
                assertThat(withFile.status()).isEqualTo(403);
                assertThat(withFile.body()).contains("does not allow uploading files");
                assertThat(withoutFile.status()).isEqualTo(302);
                assertThat(commentCount(node)).isEqualTo(1);
                assertThat(storedFiles(node)).isEmpty();
            });
        }
    }

    @Test
    void file_over_max_size_is_rejected() {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of(Settings.MAX_UPLOAD_SIZE, "1000"))) {
            long ticket = aliceTicket(node);
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");
                MultipartForm form = new MultipartForm().field("comment", "The dump is attached")
                        .file("attachments", "small.txt", new byte[1000])
                        .file("attachments", "dump.bin", new byte[1001]);

                Browser.Page page = comment(alice, ticket, form);

                assertThat(page.status()).isEqualTo(422);
                Document html = Jsoup.parse(page.body());
                assertThat(html.select("#attachments-error").text())
                        .isEqualTo("The file dump.bin has 1,001 bytes, more than the limit of 1,000 bytes (1 KB) per file.");
                assertThat(html.select("#comment").text()).isEqualTo("The dump is attached");
                assertThat(commentCount(node)).isZero();
                assertThat(storedFiles(node)).isEmpty();
                assertThat(temporaryFiles(node)).isEmpty();
            });
        }
    }

    @Test
    void extension_list_compared_exactly() {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of(Settings.UPLOAD_EXTENSIONS, "pdf, jpg"))) {
            long ticket = aliceTicket(node);
            Map<String, String> rejected = new LinkedHashMap<>();
            rejected.put("a.jpg.php", "The file a.jpg.php has the extension php, which is not allowed. Allowed extensions: pdf, jpg.");
            rejected.put("report.pd", "The file report.pd has the extension pd, which is not allowed. Allowed extensions: pdf, jpg.");
            rejected.put("report.pdfx", "The file report.pdfx has the extension pdfx, which is not allowed. Allowed extensions: pdf, jpg.");
            rejected.put("README", "The file README has no extension, and only these are allowed: pdf, jpg.");
            rejected.put(".pdf", "The file .pdf has no extension, and only these are allowed: pdf, jpg.");
            rejected.put("notes.", "The file notes. has no extension, and only these are allowed: pdf, jpg.");
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");
                for (Map.Entry<String, String> file : rejected.entrySet()) {
                    Browser.Page page = comment(alice, ticket, new MultipartForm().field("comment", "Attached")
                            .file("attachments", file.getKey(), utf8("content")));

                    assertThat(page.status()).as(file.getKey()).isEqualTo(422);
                    assertThat(Jsoup.parse(page.body()).select("#attachments-error").text()).as(file.getKey()).isEqualTo(file.getValue());
                }
                Browser.Page accepted = comment(alice, ticket, new MultipartForm().field("comment", "Attached")
                        .file("attachments", "REPORT.PDF", utf8("pdf"))
                        .file("attachments", "a.php.jpg", utf8("jpg")));

                assertThat(accepted.status()).isEqualTo(302);
                assertThat(commentCount(node)).isEqualTo(1);
                assertThat(attachmentRows(node)).extracting(row -> row.get("original_name")).containsExactly("REPORT.PDF", "a.php.jpg");
            });
        }
    }

    @Test
    void failed_comment_leaves_no_file() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            long ticket = aliceTicket(node);
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");
                MultipartForm emptyComment = new MultipartForm().field("comment", "  ")
                        .file("attachments", "report.pdf", utf8("a valid file with an invalid comment"));
                MultipartForm tooMany = new MultipartForm().field("comment", "Six files");
                for (int i = 1; i <= UploadRules.MAX_FILES + 1; i++) {
                    tooMany.file("attachments", "file" + i + ".txt", utf8("file " + i));
                }

                Browser.Page invalidComment = comment(alice, ticket, emptyComment);
                Browser.Page invalidCount = comment(alice, ticket, tooMany);

                assertThat(invalidComment.status()).isEqualTo(422);
                assertThat(Jsoup.parse(invalidComment.body()).select("#comment-error").text()).contains("comment is required");
                assertThat(invalidCount.status()).isEqualTo(422);
                assertThat(Jsoup.parse(invalidCount.body()).select("#attachments-error").text())
                        .isEqualTo("Attach at most 5 files at a time; this form had 6.");
                assertThat(commentCount(node)).isZero();
                assertThat(attachmentRows(node)).isEmpty();
                assertThat(storedFiles(node)).isEmpty();
                assertThat(temporaryFiles(node)).isEmpty();
            });
        }
    }

    @Test
    void empty_file_input_is_ignored() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            long ticket = aliceTicket(node);
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");
                MultipartForm form = new MultipartForm().field("comment", "No file chosen").file("attachments", "", new byte[0]);

                assertThat(comment(alice, ticket, form).status()).isEqualTo(302);
                assertThat(commentCount(node)).isEqualTo(1);
                assertThat(attachmentRows(node)).isEmpty();
            });
        }
    }

    @Test
    void ticket_file_shows_on_page() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            long ticket = aliceTicket(node);
            User alice = node.wiring.users.findByName("alice").orElseThrow();
            byte[] content = utf8("answer to a form's file field");

            long id = node.wiring.attachments.store(node.viewer(alice), ticket, "field3",
                    new IncomingFile("form answer.txt", content.length, () -> new ByteArrayInputStream(content)));

            assertThat(attachmentRows(node)).extracting(row -> row.get("comment_id")).containsExactly((Object) null);
            node.http((server, client) -> {
                Browser browser = signedIn(client.getOrigin(), "alice");
                Document page = Jsoup.parse(browser.get("/tickets/" + ticket).body());
                assertThat(page.select("a[href=/attachments/" + id + "]").text()).isEqualTo("form answer.txt");
                assertThat(browser.download("/attachments/" + id).body()).isEqualTo(content);
            });
        }
    }

    private static long aliceTicket(TestNodePoint node) {
        User alice = node.user("alice", 1);
        Product product = node.product("Printers", "Public");
        return node.ticket(node.viewer(alice), product, "Printer jams", "The printer jams on every page.");
    }

    static Browser signedIn(String origin, String name) {
        Browser browser = new Browser(origin);
        assertThat(browser.signIn(name, TestNodePoint.PASSWORD).status()).isEqualTo(302);
        return browser;
    }

    static Browser.Page comment(Browser browser, long ticket, MultipartForm form) {
        browser.get("/tickets/" + ticket);
        return browser.postMultipart("/tickets/" + ticket + "/comments", form);
    }

    private static String decodedFilenameStar(String header) {
        String encoded = header.substring(header.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String errorMessage(Browser.Download download) {
        return Jsoup.parse(new String(download.body(), StandardCharsets.UTF_8)).select("main").text();
    }

    private static List<Path> allFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
