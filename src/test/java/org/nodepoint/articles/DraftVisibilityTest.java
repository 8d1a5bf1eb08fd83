package org.nodepoint.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.Viewer;

/**
 * A draft is invisible below level 4 on every surface that shows articles: the list, its URL, the
 * ticket page, search, the home page's favourites and pinned article. Level 4 sees it everywhere.
 */
class DraftVisibilityTest {
    private static final String TITLE = "Quarantined fix";
    private static final String BODY_WORD = "zebracorn";

    @TempDir
    Path folder;

    private TestNodePoint node;
    private long articleId;
    private long ticketId;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder, Map.of(Settings.TICKET_VISIBILITY, "Public"));
        node.user("member", Level.AUTHORIZED);
        node.user("manager", Level.PROJECTS_MANAGEMENT);
        Product printers = node.product("Printers", "Public");
        ticketId = node.ticket(node.admin(), printers, "Printer jams", "The printer jams.");
        // Published first, so that it can be linked and made a favourite, then back to draft.
        articleId = node.article(TITLE, printers, "Clear the " + BODY_WORD + " tray.", true);
        node.wiring.articleLinks.link(node.admin(), ticketId, String.valueOf(articleId));
        for (String name : List.of("member", "manager")) {
            node.wiring.articles.favourite(viewer(name), articleId);
        }
        node.set(Settings.PINNED_ARTICLE, String.valueOf(articleId));
        node.wiring.articles.setPublished(node.admin(), articleId, false);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void draft_is_hidden_from_level_one_user() {
        node.http((server, client) -> {
            Browser member = signedIn(client.getOrigin(), "member");

            assertHiddenEverywhere(member);
        });
    }

    @Test
    void draft_is_hidden_from_guest() {
        node.http((server, client) -> {
            Browser guest = new Browser(client.getOrigin());

            assertHiddenEverywhere(guest);
        });
    }

    @Test
    void draft_is_shown_to_level_four() {
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");

            assertShownEverywhere(manager);
        });
    }

    @Test
    void publishing_shows_it_and_unpublishing_hides_it_again() {
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");
            Browser member = signedIn(client.getOrigin(), "member");
            Browser guest = new Browser(client.getOrigin());

            assertThat(manager.post("/articles/" + articleId + "/publish", Map.of()).status()).isEqualTo(302);
            assertShownEverywhere(member);
            assertShownEverywhere(guest);

            assertThat(manager.post("/articles/" + articleId + "/unpublish", Map.of()).status()).isEqualTo(302);
            assertHiddenEverywhere(member);
            assertHiddenEverywhere(guest);
        });
    }

    @Test
    void draft_url_looks_like_missing_article() {
        node.http((server, client) -> {
            Browser member = signedIn(client.getOrigin(), "member");

            Browser.Page draft = member.get("/articles/" + articleId);
            Browser.Page missing = member.get("/articles/" + (articleId + 1000));

            assertThat(draft.status()).isEqualTo(404);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(draft.body()).isEqualTo(missing.body());
        });
    }

    private void assertHiddenEverywhere(Browser browser) {
        for (String path : surfaces()) {
            Browser.Page page = browser.get(path);
            assertThat(page.body()).as("page %s", path).doesNotContain(TITLE);
        }
        assertThat(browser.get("/articles/" + articleId).status()).as("status of the article URL").isEqualTo(404);
    }

    private void assertShownEverywhere(Browser browser) {
        for (String path : surfaces()) {
            Browser.Page page = browser.get(path);
            assertThat(page.status()).as("status of %s", path).isEqualTo(200);
            assertThat(page.body()).as("page %s", path).contains(TITLE);
        }
    }

    /** Returns the pages that show articles: the list, the article, its ticket, search and the home page. */
    private List<String> surfaces() {
        return List.of("/articles", "/articles/" + articleId, "/tickets/" + ticketId, "/search?q=" + BODY_WORD, "/");
    }

    private Viewer viewer(String name) {
        return node.viewer(node.wiring.users.findByName(name).orElseThrow());
    }

    static Browser signedIn(String origin, String name) {
        Browser browser = new Browser(origin);
        assertThat(browser.signIn(name, TestNodePoint.PASSWORD).status()).isEqualTo(302);
        browser.get("/");
        return browser;
    }
}
