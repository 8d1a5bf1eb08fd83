package org.nodepoint.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.projects.Product;
import org.nodepoint.submissions.FormSubmissions;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.FormFields;
import org.nodepoint.testing.MovableClock;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;

/**
 * A form that files a ticket, adds a comment or updates a ticket with time, submitted twice with
 * its single-use token, stores one record, and the second request gets the first one's redirect.
 * Two requests that arrive together are tested in DuplicateSubmissionRaceTest.
 */
class DuplicateSubmissionRoutesTest {
    private static final String INVALID_TOKEN = "This form was loaded in another session or more than 2 hours ago, so nothing was saved."
            + " Check the values below and submit again.";

    @TempDir
    Path folder;

    private final MovableClock clock = new MovableClock();
    private TestNodePoint node;
    private Product product;
    private long ticketId;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder, Map.of("default_vis", "Public", "guest_tickets", "on"), clock);
        product = node.product("Printers", "Public");
        ticketId = node.ticket(node.admin(), product, "Jammed printer", "Error E13");
        node.user("reporter", Level.AUTHORIZED);
        node.user("manager", Level.TICKETS_MANAGEMENT);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void double_filed_ticket_is_stored_once() {
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reporter");
            Map<String, String> form = newTicketForm(browser, "Toner low", "Tray 2 is empty");

            Browser.Page first = browser.postRaw("/tickets", form);
            Browser.Page second = browser.postRaw("/tickets", form);

            assertThat(first.status()).isEqualTo(302);
            assertThat(second.status()).isEqualTo(302);
            assertThat(second.location()).isEqualTo(first.location()).matches("/tickets/\\d+");
            assertThat(count("SELECT count(*) FROM tickets WHERE title = 'Toner low'")).isEqualTo(1);
            assertThat(Jsoup.parse(browser.get(second.location()).body()).text()).contains("filed.");
        });
    }

    @Test
    void double_comment_is_stored_once() {
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reporter");
            Map<String, String> form = FormFields.with(FormFields.of(browser.get(ticketPath()), ticketPath() + "/comments"),
                    "comment", "Tray 2 jams too");

            Browser.Page first = browser.postRaw(ticketPath() + "/comments", form);
            Browser.Page second = browser.postRaw(ticketPath() + "/comments", form);

            assertThat(first.status()).isEqualTo(302);
            assertThat(second.location()).isEqualTo(first.location()).matches("/tickets/\\d+#comment-\\d+");
            assertThat(count("SELECT count(*) FROM comments")).isEqualTo(1);
        });
    }

    @Test
    void double_update_with_time_is_stored_once() {
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "manager");
            Map<String, String> form = FormFields.with(FormFields.of(browser.get(ticketPath()), ticketPath()),
                    "status", "Open", "note", "Cleaned the rollers", "time", "1.5");

            Browser.Page first = browser.postRaw(ticketPath(), form);
            Browser.Page second = browser.postRaw(ticketPath(), form);

            assertThat(first.status()).isEqualTo(302);
            assertThat(second.status()).isEqualTo(302);
            assertThat(second.location()).isEqualTo(first.location()).isEqualTo(ticketPath());
            assertThat(count("SELECT count(*) FROM ticket_changes")).isEqualTo(1);
            assertThat(count("SELECT count(*) FROM time_entries")).isEqualTo(1);
            assertThat(count("SELECT sum(hundredths) FROM time_entries")).isEqualTo(150);
        });
    }

    @Test
    void guest_double_filing_is_stored_once() {
        node.http((server, client) -> {
            Browser guest = new Browser(client.getOrigin());
            Map<String, String> form = newTicketForm(guest, "Scanner offline", "Since the update");

            Browser.Page first = guest.postRaw("/tickets", form);
            Browser.Page second = guest.postRaw("/tickets", form);

            assertThat(first.status()).isEqualTo(302);
            assertThat(second.location()).isEqualTo(first.location());
            assertThat(count("SELECT count(*) FROM tickets WHERE title = 'Scanner offline'")).isEqualTo(1);
        });
    }

    @Test
    void token_from_another_session_is_rejected() {
        node.http((server, client) -> {
            Browser firstSession = signedIn(client.getOrigin(), "reporter");
            Map<String, String> form = newTicketForm(firstSession, "Toner low", "Tray 2 is empty");
            Browser secondSession = signedIn(client.getOrigin(), "reporter");
            secondSession.get("/tickets/new?product=" + product.id());

            Browser.Page rejected = secondSession.post("/tickets", FormFields.with(form, "_csrf", secondSession.csrfToken()));

            assertThat(rejected.status()).isEqualTo(422);
            assertThat(Jsoup.parse(rejected.body()).select("#submission-error").text()).isEqualTo(INVALID_TOKEN);
            assertThat(Jsoup.parse(rejected.body()).select("input#title").val()).isEqualTo("Toner low");
            assertThat(count("SELECT count(*) FROM tickets WHERE title = 'Toner low'")).isZero();
        });
    }

    @Test
    void token_from_another_user_is_rejected() {
        node.http((server, client) -> {
            Browser reporter = signedIn(client.getOrigin(), "reporter");
            Map<String, String> form = FormFields.with(FormFields.of(reporter.get(ticketPath()), ticketPath() + "/comments"),
                    "comment", "Tray 2 jams too");
            Browser manager = signedIn(client.getOrigin(), "manager");
            manager.get(ticketPath());

            Browser.Page rejected = manager.postRaw(ticketPath() + "/comments", FormFields.with(form, "_csrf", manager.csrfToken()));

            assertThat(rejected.status()).isEqualTo(422);
            assertThat(Jsoup.parse(rejected.body()).select("#submission-error").text()).isEqualTo(INVALID_TOKEN);
            assertThat(count("SELECT count(*) FROM comments")).isZero();
        });
    }

    @Test
    void token_of_another_ticket_is_rejected() {
        long otherTicket = node.ticket(node.admin(), product, "Toner low", "Tray 2");

        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reporter");
            Map<String, String> form = FormFields.with(FormFields.of(browser.get(ticketPath()), ticketPath() + "/comments"),
                    "comment", "Tray 2 jams too");

            Browser.Page rejected = browser.postRaw("/tickets/" + otherTicket + "/comments", form);

            assertThat(rejected.status()).isEqualTo(422);
            assertThat(count("SELECT count(*) FROM comments")).isZero();
        });
    }

    @Test
    void expired_token_is_rejected_and_replaced() {
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reporter");
            Map<String, String> form = newTicketForm(browser, "Toner low", "Tray 2 is empty");
            // Half the token's lifetime twice, with a page view between, so that the session stays active.
            clock.advance(Duration.ofMinutes(61));
            browser.get("/");
            clock.advance(Duration.ofMinutes(61));

            Browser.Page rejected = browser.postRaw("/tickets", form);
            Map<String, String> reloaded = FormFields.of(rejected, "/tickets");
            Browser.Page accepted = browser.postRaw("/tickets", reloaded);

            assertThat(rejected.status()).isEqualTo(422);
            assertThat(Jsoup.parse(rejected.body()).select("#submission-error").text()).isEqualTo(INVALID_TOKEN);
            assertThat(reloaded.get(FormSubmissions.FIELD)).isNotEqualTo(form.get(FormSubmissions.FIELD));
            assertThat(accepted.status()).isEqualTo(302);
            assertThat(count("SELECT count(*) FROM tickets WHERE title = 'Toner low'")).isEqualTo(1);
        });
    }

    @Test
    void malformed_token_is_rejected() {
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reporter");
            Map<String, String> form = newTicketForm(browser, "Toner low", "Tray 2 is empty");
            String token = form.get(FormSubmissions.FIELD);

            for (String forged : new String[] {"x", "1.2.3", token + "x", "9" + token, token.replaceFirst("^\\d+", "99999999999999999999")}) {
                Browser.Page rejected = browser.postRaw("/tickets", FormFields.with(form, FormSubmissions.FIELD, forged));

                assertThat(rejected.status()).as(forged).isEqualTo(422);
            }
            assertThat(count("SELECT count(*) FROM tickets WHERE title = 'Toner low'")).isZero();
        });
    }

    @Test
    void form_without_token_stores_each_time() {
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reporter");
            Map<String, String> form = newTicketForm(browser, "Toner low", "Tray 2 is empty");
            form.remove(FormSubmissions.FIELD);

            browser.postRaw("/tickets", form);
            browser.postRaw("/tickets", form);

            assertThat(count("SELECT count(*) FROM tickets WHERE title = 'Toner low'")).isEqualTo(2);
        });
    }

    @Test
    void legacy_api_is_not_deduplicated() {
        String body = "api=add_ticket&key=" + URLEncoder.encode(TestNodePoint.WRITE_KEY, StandardCharsets.UTF_8) + "&product_id="
                + product.id() + "&release_id=1.0&title=Toner+low&description=Tray+2+is+empty";

        node.http((server, client) -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create(client.getOrigin() + "/nodepoint/"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpClient api = HttpClient.newHttpClient();

            String first = api.send(request, HttpResponse.BodyHandlers.ofString()).body();
            String second = api.send(request, HttpResponse.BodyHandlers.ofString()).body();

            assertThat(first).contains("\"OK\"");
            assertThat(second).contains("\"OK\"");
            assertThat(count("SELECT count(*) FROM tickets WHERE title = 'Toner low'")).isEqualTo(2);
            assertThat(count("SELECT count(*) FROM form_submissions")).isZero();
        });
    }

    private Map<String, String> newTicketForm(Browser browser, String title, String description) {
        Browser.Page page = browser.get("/tickets/new?product=" + product.id());
        Map<String, String> form = FormFields.with(FormFields.of(page, "/tickets"), "title", title, "description", description);
        assertThat(form.get(FormSubmissions.FIELD)).isNotBlank();
        return form;
    }

    private String ticketPath() {
        return "/tickets/" + ticketId;
    }

    private Browser signedIn(String origin, String name) {
        Browser browser = new Browser(origin);
        assertThat(browser.signIn(name, TestNodePoint.PASSWORD).status()).isEqualTo(302);
        return browser;
    }

    private long count(String sql) {
        return node.wiring.database.read().withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }
}
