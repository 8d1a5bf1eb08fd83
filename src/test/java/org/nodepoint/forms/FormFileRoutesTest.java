package org.nodepoint.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.MultipartForm;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;

/**
 * The file question of custom forms over HTTP. It covers the multipart filing page, files stored
 * as attachments of the new ticket in its transaction, and their downloads. It also covers every
 * way a filing with a file is rejected without leaving a row or a file behind.
 */
class FormFileRoutesTest {
    /** Hostile and non-ASCII names, each with the Content-Disposition header its download must get. */
    private static final Map<String, String> HOSTILE_NAMES = new LinkedHashMap<>();

    static {
        HOSTILE_NAMES.put("..\\..\\nodepoint.cfg", "attachment; filename=\".._.._nodepoint.cfg\"; filename*=UTF-8''..%5C..%5Cnodepoint.cfg");
        HOSTILE_NAMES.put("a\"b;c.txt", "attachment; filename=\"a_b_c.txt\"; filename*=UTF-8''a%22b%3Bc.txt");
        HOSTILE_NAMES.put("Erklärung, Q1 – 日本語.pdf", "attachment; filename=\"Erklarung, Q1 _ ___.pdf\"; "
                + "filename*=UTF-8''Erkl%C3%A4rung%2C%20Q1%20%E2%80%93%20%E6%97%A5%E6%9C%AC%E8%AA%9E.pdf");
    }

    @TempDir
    Path folder;

    private TestNodePoint node;
    private Product printers;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder, Map.of(Settings.TICKET_VISIBILITY, "Public"));
        printers = node.product("Printers", "Public");
        node.user("reporter", Level.AUTHORIZED);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void page_posts_multipart_for_file_question() {
        formFor(printers, "Screenshot", false);
        Product scanners = node.product("Scanners", "Public");
        node.wiring.forms.assign(node.admin(), node.form("No file", FieldType.SHORT_TEXT).id(), scanners.id());
        node.set(Settings.UPLOAD_EXTENSIONS, "png, pdf");
        node.http((server, client) -> {
            Browser reporter = signedIn(client.getOrigin(), "reporter");

            Document page = Jsoup.parse(reporter.get("/tickets/new?product=" + printers.id()).body());
            Document plain = Jsoup.parse(reporter.get("/tickets/new?product=" + scanners.id()).body());

            assertThat(page.select("form[action=/tickets]").attr("enctype")).isEqualTo("multipart/form-data");
            assertThat(page.select("input[type=file][name=answer1]").attr("accept")).isEqualTo(".png,.pdf");
            assertThat(page.select("#answer1-help").text()).contains("png, pdf");
            assertThat(page.select("label[for=answer1]").text()).isEqualTo("Screenshot");
            assertThat(plain.select("form[action=/tickets]").hasAttr("enctype")).isFalse();
        });
    }

    @Test
    void hostile_names_stored_with_ticket_and_download_intact() {
        TicketForm form = node.form("Three files", FieldType.FILE, FieldType.FILE, FieldType.FILE);
        node.wiring.forms.assign(node.admin(), form.id(), printers.id());
        List<String> names = List.copyOf(HOSTILE_NAMES.keySet());
        node.http((server, client) -> {
            Browser reporter = signedIn(client.getOrigin(), "reporter");
            reporter.get("/tickets/new?product=" + printers.id());
            MultipartForm filing = filing(form, "Paper jam", "Logs attached");
            for (int i = 0; i < names.size(); i++) {
                filing.file(AnswerSet.fieldName(i + 1), names.get(i), content(names.get(i)));
            }

            Browser.Page created = reporter.postMultipart("/tickets", filing);

            assertThat(created.status()).isEqualTo(302);
            long ticket = idIn(created.location());
            List<Map<String, Object>> rows = attachmentRows();
            assertThat(rows).extracting(row -> row.get("original_name")).containsExactlyElementsOf(names);
            assertThat(rows).extracting(row -> row.get("comment_id")).containsOnlyNulls();
            assertThat(rows).extracting(row -> ((Number) row.get("ticket_id")).longValue()).containsOnly(ticket);
            List<TicketAnswer> answers = node.wiring.formAnswers.list(node.admin(), ticket);
            assertThat(answers).extracting(TicketAnswer::value).containsExactlyElementsOf(names);
            assertThat(answers).extracting(TicketAnswer::attachmentId)
                    .containsExactlyElementsOf(rows.stream().map(row -> ((Number) row.get("id")).longValue()).toList());
            Document page = Jsoup.parse(reporter.get("/tickets/" + ticket).body());
            for (TicketAnswer answer : answers) {
                String path = "/attachments/" + answer.attachmentId();
                assertThat(page.select("dl.ticket-answers a[href=" + path + "]").text()).as(answer.value()).isEqualTo(answer.value());

                Browser.Download download = reporter.download(path);

                assertThat(download.status()).as(answer.value()).isEqualTo(200);
                assertThat(download.header("Content-Disposition")).as(answer.value()).isEqualTo(HOSTILE_NAMES.get(answer.value()));
                assertThat(download.header("Content-Type")).as(answer.value()).isEqualTo("application/octet-stream");
                assertThat(download.header("X-Content-Type-Options")).as(answer.value()).isEqualTo("nosniff");
                assertThat(sha256(download.body())).as(answer.value()).isEqualTo(sha256(content(answer.value())));
            }
        });
    }

    @Test
    void file_of_hidden_ticket_is_not_found() {
        node.set(Settings.TICKET_VISIBILITY, "Restricted");
        node.user("bob", Level.AUTHORIZED);
        node.user("carol", Level.RESTRICTED_VIEW);
        formFor(printers, "Screenshot", false);
        node.http((server, client) -> {
            Browser reporter = signedIn(client.getOrigin(), "reporter");
            reporter.get("/tickets/new?product=" + printers.id());
            TicketForm form = node.wiring.forms.formFor(printers.id()).orElseThrow();
            Browser.Page created = reporter.postMultipart("/tickets", filing(form, "Paper jam", "Screenshot attached")
                    .file("answer1", "screen.png", content("screen")));
            assertThat(created.status()).isEqualTo(302);
            String path = "/attachments/" + attachmentRows().get(0).get("id");

            Browser.Download asBob = signedIn(client.getOrigin(), "bob").download(path);
            Browser.Download asGuest = new Browser(client.getOrigin()).download(path);
            Browser.Download asCarol = signedIn(client.getOrigin(), "carol").download(path);
            Browser.Download asReporter = reporter.download(path);

            assertThat(asBob.status()).isEqualTo(404);
            assertThat(asGuest.status()).isEqualTo(404);
            assertThat(asCarol.status()).isEqualTo(200);
            assertThat(asReporter.body()).isEqualTo(content("screen"));
        });
    }

    @Test
    void file_within_large_max_size_is_stored() {
        node.set(Settings.MAX_UPLOAD_SIZE, "2000000");
        TicketForm form = formFor(printers, "Memory dump", true);
        byte[] dump = new byte[1_500_000];
        new Random(42).nextBytes(dump);
        node.http((server, client) -> {
            Browser reporter = signedIn(client.getOrigin(), "reporter");
            reporter.get("/tickets/new?product=" + printers.id());

            Browser.Page created = reporter.postMultipart("/tickets", filing(form, "Paper jam", "Dump attached")
                    .file("answer1", "dump.bin", dump));

            assertThat(created.status()).isEqualTo(302);
            Browser.Download download = reporter.download("/attachments/" + attachmentRows().get(0).get("id"));
            assertThat(download.header("Content-Length")).isEqualTo("1500000");
            assertThat(sha256(download.body())).isEqualTo(sha256(dump));
        });
    }

    @Test
    void file_over_max_size_is_rejected() {
        node.set(Settings.MAX_UPLOAD_SIZE, "1000");
        TicketForm form = formFor(printers, "Memory dump", false);
        node.http((server, client) -> {
            Browser reporter = signedIn(client.getOrigin(), "reporter");
            reporter.get("/tickets/new?product=" + printers.id());

            Browser.Page page = reporter.postMultipart("/tickets", filing(form, "Paper jam", "Dump attached")
                    .file("answer1", "dump.bin", new byte[1001]));

            assertThat(page.status()).isEqualTo(422);
            Document html = Jsoup.parse(page.body());
            assertThat(html.select("#answer1-error").text())
                    .isEqualTo("The file dump.bin has 1,001 bytes, more than the limit of 1,000 bytes (1 KB) per file.");
            assertThat(html.select("input[name=answer1].is-invalid")).hasSize(1);
            assertThat(html.select("#answer1-help").text()).contains("Choose the file again");
            assertThat(html.select("#title").attr("value")).isEqualTo("Paper jam");
            assertStoredNothing();
        });
    }

    @Test
    void wrong_extension_is_rejected() {
        node.set(Settings.UPLOAD_EXTENSIONS, "pdf");
        TicketForm form = formFor(printers, "Invoice", false);
        node.http((server, client) -> {
            Browser reporter = signedIn(client.getOrigin(), "reporter");
            reporter.get("/tickets/new?product=" + printers.id());

            Browser.Page wrong = reporter.postMultipart("/tickets", filing(form, "Paper jam", "Invoice attached")
                    .file("answer1", "invoice.pdf.exe", content("not a pdf")));
            Browser.Page missing = reporter.postMultipart("/tickets", filing(form, "Paper jam", "Invoice attached")
                    .file("answer1", "README", content("no extension")));

            assertThat(wrong.status()).isEqualTo(422);
            assertThat(Jsoup.parse(wrong.body()).select("#answer1-error").text())
                    .isEqualTo("The file invoice.pdf.exe has the extension exe, which is not allowed. Allowed extensions: pdf.");
            assertThat(missing.status()).isEqualTo(422);
            assertThat(Jsoup.parse(missing.body()).select("#answer1-error").text())
                    .isEqualTo("The file README has no extension, and only these are allowed: pdf.");
            assertStoredNothing();
        });
    }

    @Test
    void below_upload_level_gets_note_and_rejection() {
        node.set(Settings.UPLOAD_LEVEL, "2");
        TicketForm form = formFor(printers, "Screenshot", true);
        node.http((server, client) -> {
            Browser reporter = signedIn(client.getOrigin(), "reporter");
            Document page = Jsoup.parse(reporter.get("/tickets/new?product=" + printers.id()).body());

            Browser.Page withFile = reporter.postMultipart("/tickets", filing(form, "Paper jam", "Screenshot attached")
                    .file("answer1", "screen.png", content("screen")));

            assertThat(page.select("input[type=file]")).isEmpty();
            assertThat(page.select("#answer1").text()).contains("does not allow uploading files");
            assertThat(page.select("label[for=answer1]").text()).isEqualTo("Screenshot");
            assertThat(withFile.status()).isEqualTo(422);
            assertThat(Jsoup.parse(withFile.body()).select("#answer1-error").text())
                    .isEqualTo("Screenshot: your access level does not allow uploading files. "
                            + "File the ticket without a file, or ask an administrator for the upload level.");
            assertStoredNothing();

            // The question is required, but binds only users who may upload, so the note's reader can still file.
            Browser.Page withoutFile = reporter.postMultipart("/tickets", filing(form, "Paper jam", "No screenshot"));

            assertThat(withoutFile.status()).isEqualTo(302);
            assertThat(node.wiring.formAnswers.list(node.admin(), idIn(withoutFile.location())))
                    .extracting(TicketAnswer::value).containsExactly("");
            assertThat(attachmentRows()).isEmpty();
        });
    }

    @Test
    void required_file_missing_is_field_error() {
        TicketForm form = formFor(printers, "Screenshot", true);
        node.http((server, client) -> {
            Browser reporter = signedIn(client.getOrigin(), "reporter");
            Document page = Jsoup.parse(reporter.get("/tickets/new?product=" + printers.id()).body());
            assertThat(page.select("label[for=answer1]").text()).isEqualTo("Screenshot (required)");

            // A browser sends a file input left empty as a part without a name or content.
            Browser.Page posted = reporter.postMultipart("/tickets", filing(form, "Paper jam", "No screenshot")
                    .file("answer1", "", new byte[0]));

            assertThat(posted.status()).isEqualTo(422);
            Document html = Jsoup.parse(posted.body());
            assertThat(html.select("#answer1-error").text()).isEqualTo("Screenshot: an answer is required.");
            assertThat(html.select("input[name=answer1].is-invalid")).hasSize(1);
            assertStoredNothing();
        });
    }

    @Test
    void optional_file_may_stay_empty() {
        TicketForm form = formFor(printers, "Screenshot", false);
        node.http((server, client) -> {
            Browser reporter = signedIn(client.getOrigin(), "reporter");
            reporter.get("/tickets/new?product=" + printers.id());

            Browser.Page posted = reporter.postMultipart("/tickets", filing(form, "Paper jam", "No screenshot")
                    .file("answer1", "", new byte[0]));

            assertThat(posted.status()).isEqualTo(302);
            List<TicketAnswer> answers = node.wiring.formAnswers.list(node.admin(), idIn(posted.location()));
            assertThat(answers).extracting(TicketAnswer::value).containsExactly("");
            assertThat(answers).extracting(TicketAnswer::attachmentId).containsOnlyNulls();
            assertThat(attachmentRows()).isEmpty();
            assertThat(storedFiles()).isEmpty();
        });
    }

    @Test
    void two_files_in_one_question_are_rejected() {
        TicketForm form = formFor(printers, "Screenshot", false);
        node.http((server, client) -> {
            Browser reporter = signedIn(client.getOrigin(), "reporter");
            reporter.get("/tickets/new?product=" + printers.id());

            Browser.Page posted = reporter.postMultipart("/tickets", filing(form, "Paper jam", "Two screenshots")
                    .file("answer1", "one.png", content("one")).file("answer1", "two.png", content("two")));

            assertThat(posted.status()).isEqualTo(422);
            assertThat(Jsoup.parse(posted.body()).select("#answer1-error").text()).isEqualTo("Screenshot: choose one file only.");
            assertStoredNothing();
        });
    }

    @Test
    void invalid_other_field_stores_nothing() {
        TicketForm form = node.form("Number and file", FieldType.NUMBER, FieldType.FILE);
        node.wiring.forms.assign(node.admin(), form.id(), printers.id());
        node.http((server, client) -> {
            Browser reporter = signedIn(client.getOrigin(), "reporter");
            reporter.get("/tickets/new?product=" + printers.id());

            Browser.Page badAnswer = reporter.postMultipart("/tickets", filing(form, "Paper jam", "Log attached")
                    .field("answer1", "twelve").file("answer2", "log.txt", content("log")));
            // The answers are valid, so the file is written before the ticket's own check fails on the empty title.
            Browser.Page badTitle = reporter.postMultipart("/tickets", filing(form, "", "Log attached")
                    .field("answer1", "12").file("answer2", "log.txt", content("log")));

            assertThat(badAnswer.status()).isEqualTo(422);
            assertThat(Jsoup.parse(badAnswer.body()).select("#answer1-error").text()).contains("enter a number");
            assertThat(badTitle.status()).isEqualTo(422);
            assertThat(Jsoup.parse(badTitle.body()).select("#title-error").text()).contains("title");
            assertStoredNothing();
        });
    }

    /** Creates a form with one file question and gives it to the product. */
    private TicketForm formFor(Product product, String question, boolean required) {
        TicketForm form = node.wiring.forms.create(node.admin(), new FormDraft("File form", "Title", "Description", false,
                List.of(new FormDraft.Row(question, FieldType.FILE.key(), required))));
        node.wiring.forms.assign(node.admin(), form.id(), product.id());
        return form;
    }

    /** Returns the multipart body of the new-ticket page for the form, without answers. */
    private MultipartForm filing(TicketForm form, String title, String description) {
        return new MultipartForm().field("productId", String.valueOf(printers.id()))
                .field("formId", String.valueOf(form.id())).field("formVersion", String.valueOf(form.version()))
                .field("title", title).field("description", description);
    }

    private void assertStoredNothing() {
        assertThat(count("tickets")).as("tickets").isZero();
        assertThat(count("ticket_answers")).as("answers").isZero();
        assertThat(count("attachments")).as("attachments").isZero();
        assertThat(storedFiles()).as("files in the upload folder").isEmpty();
        assertThat(listNames(uploads().resolve(".incoming"))).as("temporary files").isEmpty();
    }

    private long count(String table) {
        return node.wiring.database.read().withHandle(handle -> handle.createQuery("SELECT count(*) FROM " + table)
                .mapTo(Long.class).one());
    }

    private List<Map<String, Object>> attachmentRows() {
        return node.wiring.database.read().withHandle(handle -> handle.createQuery("SELECT * FROM attachments ORDER BY id")
                .mapToMap().list());
    }

    private Path uploads() {
        return node.wiring.uploadFolder.path();
    }

    private List<String> storedFiles() {
        return listNames(uploads());
    }

    private static List<String> listNames(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static byte[] content(String name) {
        return ("content of " + name).getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException(missing);
        }
    }

    private static long idIn(String location) {
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private static Browser signedIn(String origin, String name) {
        Browser browser = new Browser(origin);
        assertThat(browser.signIn(name, TestNodePoint.PASSWORD).status()).isEqualTo(302);
        return browser;
    }
}
