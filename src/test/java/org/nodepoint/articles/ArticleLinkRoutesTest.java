package org.nodepoint.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.articles.DraftVisibilityTest.signedIn;

import java.nio.file.Path;
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

/** Linking articles to tickets from the ticket page, and the linked tickets on the article page. */
class ArticleLinkRoutesTest {
    @TempDir
    Path folder;

    private TestNodePoint node;
    private Product printers;
    private Product scanners;
    private long ticketId;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder, Map.of(Settings.TICKET_VISIBILITY, "Public"));
        node.user("member", Level.AUTHORIZED);
        node.user("staff", Level.TICKETS_MANAGEMENT);
        node.user("manager", Level.PROJECTS_MANAGEMENT);
        printers = node.product("Printers", "Public");
        scanners = node.product("Scanners", "Public");
        ticketId = node.ticket(node.admin(), printers, "Printer jams", "The printer jams.");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void staff_links_published_article_of_the_project() {
        long id = node.article("Clearing jams", printers, "Open the cover.", true);
        node.http((server, client) -> {
            Browser staff = signedIn(client.getOrigin(), "staff");
            Document form = Jsoup.parse(staff.get("/tickets/" + ticketId).body());
            assertThat(form.select("#articleId option").eachText()).containsExactly("Clearing jams");

            Browser.Page linked = staff.post("/tickets/" + ticketId + "/articles", Map.of("articleId", String.valueOf(id)));

            assertThat(linked.status()).isEqualTo(302);
            Browser member = signedIn(client.getOrigin(), "member");
            Document ticketPage = Jsoup.parse(member.get("/tickets/" + ticketId).body());
            assertThat(ticketPage.select("#linked-articles a").eachText()).containsExactly("Clearing jams");
            assertThat(ticketPage.select("#articles form")).as("link and unlink forms for level 1").isEmpty();
        });
    }

    @Test
    void link_form_skips_drafts_and_other_projects() {
        node.article("Everyone guide", null, "", true);
        node.article("Draft guide", printers, "", false);
        node.article("Scanner guide", scanners, "", true);
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");

            Document page = Jsoup.parse(manager.get("/tickets/" + ticketId).body());

            assertThat(page.select("#articleId option").eachText()).containsExactly("Everyone guide");
        });
    }

    @Test
    void linking_draft_is_rejected() {
        long draft = node.article("Draft guide", printers, "", false);
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");

            Browser.Page rejected = manager.post("/tickets/" + ticketId + "/articles", Map.of("articleId", String.valueOf(draft)));

            assertThat(rejected.status()).isEqualTo(422);
            assertThat(rejected.body()).contains("Article must be one of the published articles of the ticket");
            assertThat(linkCount()).isZero();
        });
    }

    @Test
    void linking_article_of_another_project_is_rejected() {
        long other = node.article("Scanner guide", scanners, "", true);
        node.http((server, client) -> {
            Browser staff = signedIn(client.getOrigin(), "staff");

            Browser.Page rejected = staff.post("/tickets/" + ticketId + "/articles", Map.of("articleId", String.valueOf(other)));

            assertThat(rejected.status()).isEqualTo(422);
            assertThat(linkCount()).isZero();
        });
    }

    @Test
    void draft_link_looks_like_missing_article() {
        long draft = node.article("Draft guide", printers, "", false);
        node.http((server, client) -> {
            Browser staff = signedIn(client.getOrigin(), "staff");

            Browser.Page toDraft = staff.post("/tickets/" + ticketId + "/articles", Map.of("articleId", String.valueOf(draft)));
            Browser.Page toMissing = staff.post("/tickets/" + ticketId + "/articles", Map.of("articleId", String.valueOf(draft + 1000)));

            assertThat(toDraft.status()).isEqualTo(422);
            assertThat(toDraft.body()).doesNotContain("Draft guide");
            assertThat(Jsoup.parse(toDraft.body()).select("main").text()).isEqualTo(Jsoup.parse(toMissing.body()).select("main").text());
        });
    }

    @Test
    void manager_unlinks_article() {
        long id = node.article("Clearing jams", printers, "", true);
        node.wiring.articleLinks.link(node.admin(), ticketId, String.valueOf(id));
        node.http((server, client) -> {
            Browser staff = signedIn(client.getOrigin(), "staff");
            Browser manager = signedIn(client.getOrigin(), "manager");

            assertThat(staff.post("/tickets/" + ticketId + "/articles/" + id + "/delete", Map.of()).status()).isEqualTo(403);
            assertThat(linkCount()).isEqualTo(1);

            assertThat(manager.post("/tickets/" + ticketId + "/articles/" + id + "/delete", Map.of()).status()).isEqualTo(302);
            assertThat(linkCount()).isZero();
        });
    }

    @Test
    void article_page_lists_open_readable_tickets() {
        Product restricted = node.product("Server room", "Restricted");
        long closed = node.ticket(node.admin(), printers, "Old jam", "Fixed long ago.");
        long hidden = node.ticket(node.admin(), restricted, "Rack jam", "Restricted ticket.");
        node.wiring.database.write().useHandle(handle -> handle.execute("UPDATE tickets SET status = 'Closed' WHERE id = ?", closed));
        long id = node.article("Clearing jams", null, "", true);
        for (long ticket : new long[] {ticketId, closed, hidden}) {
            node.wiring.articleLinks.link(node.admin(), ticket, String.valueOf(id));
        }
        node.http((server, client) -> {
            Browser member = signedIn(client.getOrigin(), "member");
            Browser manager = signedIn(client.getOrigin(), "manager");

            Document memberPage = Jsoup.parse(member.get("/articles/" + id).body());
            Document managerPage = Jsoup.parse(manager.get("/articles/" + id).body());

            assertThat(memberPage.select("#linked-tickets a").eachText()).containsExactly("#" + ticketId + " Printer jams");
            assertThat(managerPage.select("#linked-tickets a").eachText())
                    .containsExactly("#" + hidden + " Rack jam", "#" + ticketId + " Printer jams");
        });
    }

    private long linkCount() {
        return node.wiring.database.read().withHandle(handle -> handle.createQuery("SELECT count(*) FROM article_tickets")
                .mapTo(Long.class).one());
    }
}
