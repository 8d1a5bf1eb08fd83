package org.nodepoint.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;

/** The article field of custom forms: the articles it offers, the check of the choice, and who sees the answer's title. */
class ArticleFieldFilingTest {
    @TempDir
    Path folder;

    private TestNodePoint node;
    private Product printers;
    private TicketForm form;
    private long guide;
    private long draft;
    private long scannerGuide;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder, Map.of(Settings.TICKET_VISIBILITY, "Public"));
        printers = node.product("Printers", "Public");
        Product scanners = node.product("Scanners", "Public");
        node.user("reporter", Level.AUTHORIZED);
        node.user("manager", Level.PROJECTS_MANAGEMENT);
        guide = node.article("Clearing jams", printers, "", true);
        node.article("Opening hours", null, "", true);
        draft = node.article("Unreleased fix", printers, "", false);
        scannerGuide = node.article("Scanner guide", scanners, "", true);
        form = node.form("Article form", FieldType.ARTICLE);
        node.wiring.forms.assign(node.admin(), form.id(), printers.id());
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void filing_page_offers_published_articles() {
        node.http((server, client) -> {
            Browser reporter = signedIn(client.getOrigin(), "reporter");

            Document page = Jsoup.parse(reporter.get("/tickets/new?product=" + printers.id()).body());

            assertThat(page.select("select#answer1 option").eachText()).containsExactly("Choose…", "Clearing jams", "Opening hours");
        });
    }

    @Test
    void chosen_article_is_shown_with_a_link() {
        node.http((server, client) -> {
            Browser reporter = signedIn(client.getOrigin(), "reporter");
            reporter.get("/tickets/new?product=" + printers.id());

            Browser.Page created = reporter.post("/tickets", filing(String.valueOf(guide)));

            assertThat(created.status()).isEqualTo(302);
            Document ticketPage = Jsoup.parse(reporter.get(created.location()).body());
            assertThat(ticketPage.select("dl.ticket-answers dd a").text()).isEqualTo("Clearing jams");
            assertThat(ticketPage.select("dl.ticket-answers dd a").attr("href")).isEqualTo("/articles/" + guide);
        });
    }

    @Test
    void draft_or_other_project_answer_is_rejected() {
        node.http((server, client) -> {
            Browser reporter = signedIn(client.getOrigin(), "reporter");
            reporter.get("/tickets/new?product=" + printers.id());

            for (String answer : new String[] {String.valueOf(draft), String.valueOf(scannerGuide), "Clearing jams"}) {
                Browser.Page rejected = reporter.post("/tickets", filing(answer));

                assertThat(rejected.status()).as("status for answer %s", answer).isEqualTo(422);
                assertThat(Jsoup.parse(rejected.body()).select("#answer1-error").text()).as("message for answer %s", answer)
                        .isEqualTo("article: choose one of the listed articles.");
            }
            assertThat(ticketCount()).isZero();
        });
    }

    @Test
    void unpublished_answer_hides_title_below_level_four() {
        long ticket = fileWithGuide();
        node.wiring.articles.setPublished(node.admin(), guide, false);
        node.http((server, client) -> {
            Browser reporter = signedIn(client.getOrigin(), "reporter");
            Browser manager = signedIn(client.getOrigin(), "manager");

            String reporterPage = reporter.get("/tickets/" + ticket).body();
            String guestPage = new Browser(client.getOrigin()).get("/tickets/" + ticket).body();
            Document managerPage = Jsoup.parse(manager.get("/tickets/" + ticket).body());

            assertThat(reporterPage).doesNotContain("Clearing jams");
            assertThat(Jsoup.parse(reporterPage).select("dl.ticket-answers dd").text()).isEqualTo("An article that you may not see.");
            assertThat(guestPage).doesNotContain("Clearing jams");
            assertThat(Jsoup.parse(guestPage).select("dl.ticket-answers dd").text()).isEqualTo("An article that you may not see.");
            assertThat(managerPage.select("dl.ticket-answers dd a").text()).isEqualTo("Clearing jams");
        });
    }

    private long fileWithGuide() {
        long[] id = new long[1];
        node.http((server, client) -> {
            Browser reporter = signedIn(client.getOrigin(), "reporter");
            reporter.get("/tickets/new?product=" + printers.id());
            Browser.Page created = reporter.post("/tickets", filing(String.valueOf(guide)));
            assertThat(created.status()).isEqualTo(302);
            id[0] = Long.parseLong(created.location().substring(created.location().lastIndexOf('/') + 1));
        });
        return id[0];
    }

    private Map<String, String> filing(String articleAnswer) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("productId", String.valueOf(printers.id()));
        fields.put("formId", String.valueOf(form.id()));
        fields.put("formVersion", String.valueOf(form.version()));
        fields.put("title", "Paper jam");
        fields.put("description", "Tray 2 jams");
        fields.put(AnswerSet.fieldName(1), articleAnswer);
        return fields;
    }

    private long ticketCount() {
        return node.wiring.database.read().withHandle(handle -> handle.createQuery("SELECT count(*) FROM tickets").mapTo(Long.class).one());
    }

    private static Browser signedIn(String origin, String name) {
        Browser browser = new Browser(origin);
        assertThat(browser.signIn(name, TestNodePoint.PASSWORD).status()).isEqualTo(302);
        browser.get("/");
        return browser;
    }
}
