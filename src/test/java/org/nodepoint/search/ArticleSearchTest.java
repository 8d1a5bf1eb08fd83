package org.nodepoint.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.articles.ArticleForm;
import org.nodepoint.config.Settings;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;

/** Articles in the full-text search: found by a word of the body, highlighted, and drafts only for level 4. */
class ArticleSearchTest {
    @TempDir
    Path folder;

    private TestNodePoint node;
    private Product printers;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder, Map.of(Settings.TICKET_VISIBILITY, "Public"));
        node.user("member", Level.AUTHORIZED);
        node.user("manager", Level.PROJECTS_MANAGEMENT);
        printers = node.product("Printers", "Public");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void body_word_finds_published_article() {
        long id = node.article("Clearing jams", printers, "Lift the duplexer lever gently.", true);
        node.http((server, client) -> {
            Browser member = signedIn(client.getOrigin(), "member");

            Document page = Jsoup.parse(member.get("/search?q=duplexer").body());

            assertThat(page.select("#article-results a").eachAttr("href")).containsExactly("/articles/" + id);
            assertThat(page.select("#article-results mark").eachText()).containsExactly("duplexer");
        });
    }

    @Test
    void articles_alone_keep_search_open() {
        long id = node.article("Clearing jams", printers, "Lift the duplexer lever gently.", true);
        node.set("comp_tickets", "off");
        node.http((server, client) -> {
            Browser member = signedIn(client.getOrigin(), "member");

            Document found = Jsoup.parse(member.get("/search?q=duplexer").body());
            Document missed = Jsoup.parse(member.get("/search?q=toner").body());

            assertThat(found.select("nav form[role=search]")).hasSize(1);
            assertThat(found.select("#article-results a").eachAttr("href")).containsExactly("/articles/" + id);
            assertThat(found.text()).doesNotContain("No tickets");
            assertThat(missed.text()).contains("No articles you may see match toner.");
        });
    }

    @Test
    void search_is_gone_without_tickets_and_articles() {
        node.set("comp_tickets", "off");
        node.set("comp_articles", "off");
        node.http((server, client) -> {
            Browser member = signedIn(client.getOrigin(), "member");

            Browser.Page page = member.get("/search?q=duplexer");

            assertThat(page.status()).isEqualTo(404);
            assertThat(Jsoup.parse(page.body()).select("nav form[role=search]")).isEmpty();
        });
    }

    @Test
    void draft_is_found_only_by_level_four() {
        node.article("Secret fix", printers, "Reflash the duplexer firmware.", false);
        node.http((server, client) -> {
            Browser member = signedIn(client.getOrigin(), "member");
            Browser manager = signedIn(client.getOrigin(), "manager");

            String memberPage = member.get("/search?q=duplexer").body();
            Document managerPage = Jsoup.parse(manager.get("/search?q=duplexer").body());

            assertThat(Jsoup.parse(memberPage).select("#article-results")).isEmpty();
            assertThat(memberPage).doesNotContain("Secret fix");
            assertThat(managerPage.select("#article-results a").eachText()).containsExactly("Secret fix");
        });
    }

    @Test
    void edited_body_is_searched_by_its_new_words() {
        long id = node.article("Clearing jams", printers, "Lift the duplexer lever.", true);
        long version = node.wiring.articles.find(node.admin(), id).version();
        node.wiring.articles.save(node.admin(), id, version,
                new ArticleForm("Clearing jams", "Turn the fuser knob.", "", true));
        node.http((server, client) -> {
            Browser member = signedIn(client.getOrigin(), "member");

            assertThat(Jsoup.parse(member.get("/search?q=duplexer").body()).select("#article-results")).isEmpty();
            assertThat(Jsoup.parse(member.get("/search?q=fuser").body()).select("#article-results a").eachText())
                    .containsExactly("Clearing jams");
        });
    }

    private static Browser signedIn(String origin, String name) {
        Browser browser = new Browser(origin);
        assertThat(browser.signIn(name, TestNodePoint.PASSWORD).status()).isEqualTo(302);
        browser.get("/");
        return browser;
    }
}
