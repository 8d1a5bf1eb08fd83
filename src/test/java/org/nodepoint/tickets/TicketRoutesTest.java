package org.nodepoint.tickets;

import org.nodepoint.events.Origin;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.Viewer;

class TicketRoutesTest {
    private static final List<String> HOSTILE_TITLES = List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>");

    @TempDir
    Path folder;

    private TestNodePoint node;
    private Product product;
    private Viewer reporter;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder, Map.of("default_vis", "Public"));
        product = node.product("Laptops", "Public");
        reporter = node.viewer(node.user("reporter", Level.AUTHORIZED));
        node.user("manager", Level.TICKETS_MANAGEMENT);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void filing_form_creates_ticket() {
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reporter");
            browser.get("/tickets/new?product=" + product.id());

            Browser.Page created = browser.post("/tickets", newTicket("Screen flickers", "Since Monday"));

            assertThat(created.status()).isEqualTo(302);
            assertThat(created.location()).matches("/tickets/\\d+");
            assertThat(ticketRows()).isEqualTo(1);
        });
    }

    @Test
    void invalid_title_rerenders_form_with_422() {
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reporter");
            browser.get("/tickets/new?product=" + product.id());

            Browser.Page page = browser.post("/tickets", newTicket("t".repeat(201), "Since Monday"));

            assertThat(page.status()).isEqualTo(422);
            Document html = Jsoup.parse(page.body());
            assertThat(html.select("#title-error").text()).contains("title");
            assertThat(html.select("textarea#description").text()).isEqualTo("Since Monday");
            assertThat(ticketRows()).isZero();
        });
    }

    @Test
    void invalid_description_rerenders_form_with_422() {
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reporter");
            browser.get("/tickets/new?product=" + product.id());

            Browser.Page page = browser.post("/tickets", newTicket("Screen flickers", ""));

            assertThat(page.status()).isEqualTo(422);
            assertThat(Jsoup.parse(page.body()).select("#description-error").text()).contains("description");
            assertThat(ticketRows()).isZero();
        });
    }

    @Test
    void unauthorised_user_cannot_file_by_post() {
        node.user("reader", Level.UNAUTHORIZED);
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reader");

            Browser.Page page = browser.post("/tickets", newTicket("Screen flickers", "Since Monday"));

            assertThat(page.status()).isEqualTo(403);
            assertThat(ticketRows()).isZero();
        });
    }

    @Test
    void guest_files_when_guest_tickets_on() {
        node.set("guest_tickets", "on");
        node.http((server, client) -> {
            Browser browser = new Browser(client.getOrigin());
            browser.get("/tickets/new?product=" + product.id());

            Browser.Page created = browser.post("/tickets", newTicket("From a guest", "Printer jammed"));

            assertThat(created.status()).isEqualTo(302);
            assertThat(ticketRows()).isEqualTo(1);
        });
    }

    @Test
    void level_one_cannot_post_update() {
        long id = node.ticket(reporter, product, "Screen flickers", "Since Monday");
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reporter");
            browser.get("/tickets/" + id);

            Browser.Page page = browser.post("/tickets/" + id, updateForm("Hacked", "Open", ""));

            assertThat(page.status()).isEqualTo(403);
            assertThat(node.wiring.tickets.findVisible(node.admin(), id).title()).isEqualTo("Screen flickers");
        });
    }

    @Test
    void update_history_is_shown_on_page() {
        long id = node.ticket(reporter, product, "Screen flickers", "Since Monday");
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "manager");
            browser.get("/tickets/" + id);

            Browser.Page updated = browser.post("/tickets/" + id, updateForm("Screen flickers badly", "Resolved", "New cable"));
            Document page = Jsoup.parse(browser.get("/tickets/" + id).body());

            assertThat(updated.status()).isEqualTo(302);
            String history = page.select("ol.list-unstyled li.border-start").text();
            assertThat(history).contains("Changed by manager");
            assertThat(history).contains("Title: “Screen flickers” → “Screen flickers badly”");
            assertThat(history).contains("Status: “New” → “Resolved”");
            assertThat(history).contains("Resolution: “” → “New cable”");
        });
    }

    @Test
    void update_without_resolution_returns_422() {
        long id = node.ticket(reporter, product, "Screen flickers", "Since Monday");
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "manager");
            browser.get("/tickets/" + id);

            Browser.Page page = browser.post("/tickets/" + id, updateForm("Screen flickers", "Closed", ""));

            assertThat(page.status()).isEqualTo(422);
            assertThat(Jsoup.parse(page.body()).select("#resolution-error").text()).contains("resolution");
            assertThat(node.wiring.tickets.findVisible(node.admin(), id).status()).isEqualTo("New");
        });
    }

    @Test
    void closed_ticket_rejects_level_one_comment() {
        long id = node.ticket(reporter, product, "Screen flickers", "Since Monday");
        node.wiring.tickets.update(node.admin(), id, new TicketUpdate(null, null, "Closed", "Done", null, null, null, null), Origin.WEB);
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reporter");
            Document page = Jsoup.parse(browser.get("/tickets/" + id).body());

            Browser.Page posted = browser.post("/tickets/" + id + "/comments", Map.of("comment", "Still broken"));

            assertThat(page.select("textarea#comment")).isEmpty();
            assertThat(posted.status()).isEqualTo(422);
            assertThat(node.wiring.tickets.show(node.admin(), id).comments()).isEmpty();
        });
    }

    @Test
    void hidden_ticket_looks_like_absent() {
        Product restricted = node.product("Servers", "Restricted");
        long hidden = node.ticket(node.admin(), restricted, "Disk failing", "Rack 4");
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reporter");

            Browser.Page hiddenPage = browser.get("/tickets/" + hidden);
            Browser.Page absentPage = browser.get("/tickets/" + (hidden + 100));

            assertThat(hiddenPage.status()).isEqualTo(404);
            assertThat(absentPage.status()).isEqualTo(404);
            assertThat(Jsoup.parse(hiddenPage.body()).select("main").text()).isEqualTo(Jsoup.parse(absentPage.body()).select("main").text());
            assertThat(hiddenPage.body()).doesNotContain("Disk failing");
        });
    }

    @Test
    void posts_without_csrf_token_are_rejected() {
        long id = node.ticket(reporter, product, "Screen flickers", "Since Monday");
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "manager");

            Map<String, String> fileForm = newTicket("Screen flickers", "Since Monday");
            Browser.Page create = browser.postRaw("/tickets", fileForm);
            Browser.Page update = browser.postRaw("/tickets/" + id, updateForm("Changed", "Open", ""));
            Browser.Page comment = browser.postRaw("/tickets/" + id + "/comments", Map.of("comment", "Hello"));
            Browser.Page wrongToken = browser.postRaw("/tickets/" + id + "/comments", Map.of("comment", "Hello", "_csrf", "wrong"));

            assertThat(create.status()).isEqualTo(403);
            assertThat(update.status()).isEqualTo(403);
            assertThat(comment.status()).isEqualTo(403);
            assertThat(wrongToken.status()).isEqualTo(403);
            assertThat(ticketRows()).isEqualTo(1);
            assertThat(node.wiring.tickets.findVisible(node.admin(), id).title()).isEqualTo("Screen flickers");
            assertThat(node.wiring.tickets.show(node.admin(), id).comments()).isEmpty();
        });
    }

    @Test
    void cross_site_post_is_rejected() throws Exception {
        long id = node.ticket(reporter, product, "Screen flickers", "Since Monday");
        node.http((server, client) -> {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String origin = client.getOrigin();
            String loginToken = csrfToken(send(http, HttpRequest.newBuilder(URI.create(origin + "/login")).GET()));
            send(http, form(origin + "/login", Map.of("name", "reporter", "password", TestNodePoint.PASSWORD, "_csrf", loginToken)));
            String token = csrfToken(send(http, HttpRequest.newBuilder(URI.create(origin + "/tickets/" + id)).GET()));

            HttpResponse<String> crossSite = send(http, form(origin + "/tickets/" + id + "/comments", Map.of("comment", "Hello", "_csrf", token))
                    .header("Sec-Fetch-Site", "cross-site"));
            HttpResponse<String> sameOrigin = send(http, form(origin + "/tickets/" + id + "/comments", Map.of("comment", "Hello", "_csrf", token))
                    .header("Sec-Fetch-Site", "same-origin"));

            assertThat(crossSite.statusCode()).isEqualTo(403);
            assertThat(sameOrigin.statusCode()).isEqualTo(302);
            assertThat(node.wiring.tickets.show(node.admin(), id).comments()).hasSize(1);
        });
    }

    @Test
    void hostile_titles_render_as_text() {
        for (String title : HOSTILE_TITLES) {
            long id = node.ticket(reporter, product, title, title);
            node.wiring.tickets.comment(reporter, id, title, Origin.WEB);
            node.wiring.tickets.update(node.admin(), id, new TicketUpdate(title + " v2", null, "Open", null, null, null, title, null), Origin.WEB);
        }
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reporter");

            List<String> paths = List.of("/tickets", "/tickets/1", "/tickets/2", "/search?q=alert", "/", "/search?q="
                    + URLEncoder.encode(HOSTILE_TITLES.get(1), StandardCharsets.UTF_8));
            for (String path : paths) {
                Browser.Page page = browser.get(path);
                Document html = Jsoup.parse(page.body());

                assertThat(page.status()).as(path).isEqualTo(200);
                assertThat(html.select("script:not([src])")).as("inline scripts on %s", path).isEmpty();
                assertThat(html.select("img")).as("images on %s", path).isEmpty();
                assertThat(html.select("[onerror]")).as("onerror attributes on %s", path).isEmpty();
            }
            assertThat(Jsoup.parse(browser.get("/tickets/1").body()).select("h1").text()).contains("<script>alert(1)</script>");
            assertThat(Jsoup.parse(browser.get("/tickets").body()).select("td.title").eachText()).contains(HOSTILE_TITLES.get(1) + " v2");
        });
    }

    @Test
    void pages_send_security_headers() {
        node.http((server, client) -> {
            Browser browser = new Browser(client.getOrigin());

            for (String path : List.of("/", "/tickets", "/search?q=x", "/tickets/999")) {
                Browser.Page page = browser.get(path);
                String policy = page.headers().firstValue("Content-Security-Policy").orElse("");

                assertThat(policy).as("policy on %s", path).contains("script-src 'self'");
                assertThat(policy).as("policy on %s", path).doesNotContain("unsafe-inline");
                assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            }
        });
    }

    @Test
    void list_pages_by_page_len() {
        node.set("page_len", "5");
        for (int i = 1; i <= 12; i++) {
            node.ticket(reporter, product, "Ticket " + i, "Body " + i);
        }
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reporter");

            Document first = Jsoup.parse(browser.get("/tickets").body());
            Document last = Jsoup.parse(browser.get("/tickets?page=3").body());
            Document beyond = Jsoup.parse(browser.get("/tickets?page=9").body());

            assertThat(first.select("table.table-tickets tbody tr")).hasSize(5);
            assertThat(first.select("nav[aria-label=Pages] > span").text()).isEqualTo("1–5 of 12");
            assertThat(last.select("table.table-tickets tbody tr")).hasSize(2);
            assertThat(last.select("nav[aria-label=Pages] > span").text()).isEqualTo("11–12 of 12");
            assertThat(beyond.select("table.table-tickets")).isEmpty();
            assertThat(beyond.select("nav[aria-label=Pages] > span").text()).isEqualTo("0–0 of 12");
            assertThat(beyond.select("main p.text-body-secondary").text()).isEqualTo("No tickets match these filters.");
        });
    }

    @Test
    void list_links_keep_filters() {
        node.set("page_len", "5");
        for (int i = 1; i <= 6; i++) {
            node.wiring.tickets.file(reporter, new NewTicket(product.id(), "", "Ticket " + i, "Body", "High"), Origin.WEB);
        }
        node.http((server, client) -> {
            Browser browser = new Browser(client.getOrigin());

            Document page = Jsoup.parse(browser.get("/tickets?priority=High&sort=oldest").body());

            Element next = page.selectFirst("a[rel=next]");
            assertThat(next).isNotNull();
            assertThat(next.attr("href")).isEqualTo("?priority=High&sort=oldest&page=2");
        });
    }

    @Test
    void odd_query_parameters_are_ignored() {
        node.ticket(reporter, product, "Screen flickers", "Since Monday");
        node.http((server, client) -> {
            Browser browser = new Browser(client.getOrigin());

            Browser.Page page = browser.get("/tickets?product=abc&status=Nope&priority=%27&sort=x&page=-3");
            Browser.Page badId = browser.get("/tickets/abc");

            assertThat(page.status()).isEqualTo(200);
            assertThat(Jsoup.parse(page.body()).select("table.table-tickets tbody tr")).hasSize(1);
            assertThat(badId.status()).isEqualTo(404);
        });
    }

    private Map<String, String> newTicket(String title, String description) {
        return Map.of("productId", String.valueOf(product.id()), "title", title, "description", description, "priority", "Normal",
                "release", "");
    }

    private static Map<String, String> updateForm(String title, String status, String resolution) {
        return Map.of("title", title, "description", "Since Monday", "status", status, "resolution", resolution, "priority", "Normal",
                "release", "", "note", "", "version", "0");
    }

    private static Browser signedIn(String origin, String name) {
        Browser browser = new Browser(origin);
        assertThat(browser.signIn(name, TestNodePoint.PASSWORD).status()).isEqualTo(302);
        return browser;
    }

    private long ticketRows() {
        return node.wiring.database.read().withHandle(handle -> handle.createQuery("SELECT count(*) FROM tickets").mapTo(Long.class).one());
    }

    private static HttpRequest.Builder form(String url, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((key, value) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(key, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrfToken(HttpResponse<String> response) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(response.body());
        assertThat(matcher.find()).as("CSRF field on the page").isTrue();
        return matcher.group(1);
    }
}
