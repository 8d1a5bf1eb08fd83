package org.nodepoint.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.articles.DraftVisibilityTest.signedIn;

import java.nio.file.Path;
import java.util.HashMap;
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

/** Creating, saving, publishing, deleting and favouring articles through the web pages. */
class ArticleRoutesTest {
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
    void create_makes_draft_and_opens_editor() {
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");

            Browser.Page created = manager.post("/articles", Map.of("title", "Toner guide", "product", String.valueOf(printers.id())));

            assertThat(created.status()).isEqualTo(302);
            assertThat(created.location()).matches("/articles/\\d+/edit");
            long id = Long.parseLong(created.location().split("/")[2]);
            Article stored = node.wiring.articles.find(node.admin(), id);
            assertThat(stored.title()).isEqualTo("Toner guide");
            assertThat(stored.productId()).isEqualTo(printers.id());
            assertThat(stored.published()).isFalse();
            assertThat(stored.body()).isEmpty();
        });
    }

    @Test
    void title_too_short_or_long_is_rejected() {
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");

            for (String title : new String[] {"x", "y".repeat(51)}) {
                Browser.Page rejected = manager.post("/articles", Map.of("title", title, "product", ""));

                assertThat(rejected.status()).as("status for a title of %d characters", title.length()).isEqualTo(422);
                assertThat(Jsoup.parse(rejected.body()).select("#title-error").text())
                        .as("message for a title of %d characters", title.length())
                        .isEqualTo("Title must be 2 to 50 characters long.");
            }
            assertThat(node.wiring.articles.list(node.admin(), "", 0, 10).total()).isZero();
        });
    }

    @Test
    void title_length_counts_code_points() {
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");

            // Each emoji is two UTF-16 characters, so this title is 100 chars long but 50 code points.
            Browser.Page created = manager.post("/articles", Map.of("title", "\uD83D\uDE00".repeat(50), "product", ""));

            assertThat(created.status()).isEqualTo(302);
        });
    }

    @Test
    void unknown_project_is_rejected() {
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");

            Browser.Page rejected = manager.post("/articles", Map.of("title", "Toner guide", "product", "999999"));

            assertThat(rejected.status()).isEqualTo(422);
            assertThat(Jsoup.parse(rejected.body()).select("#product-error").text()).isEqualTo("Project must be one of the listed projects, or All projects.");
        });
    }

    @Test
    void stale_save_is_rejected_and_keeps_stored_text() {
        long id = node.article("Toner guide", printers, "First text.", false);
        long loadedVersion = node.wiring.articles.find(node.admin(), id).version();
        node.wiring.articles.save(node.admin(), id, loadedVersion, new ArticleForm("Toner guide", "Text of another editor.", "", false));
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");

            Browser.Page stale = manager.post("/articles/" + id, Map.of("version", String.valueOf(loadedVersion), "title", "Toner guide",
                    "body", "My late text.", "product", ""));

            assertThat(stale.status()).isEqualTo(422);
            Document page = Jsoup.parse(stale.body());
            assertThat(page.select("#version-error").text()).startsWith("Someone saved this article after you opened the editor");
            assertThat(page.select("#body").text()).isEqualTo("My late text.");
            assertThat(node.wiring.articles.find(node.admin(), id).body()).isEqualTo("Text of another editor.");
        });
    }

    @Test
    void save_stores_fields_and_renders_markdown() {
        long id = node.article("Toner guide", printers, "", false);
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");
            Map<String, String> form = new HashMap<>(Map.of("version", "1", "title", "Toner <b>guide</b>",
                    "body", "## Steps\n\n*Open* the cover.\n\n<script>alert(1)</script>[bad](javascript:alert(1))", "product", ""));
            form.put("published", "on");

            Browser.Page saved = manager.post("/articles/" + id, form);

            assertThat(saved.status()).isEqualTo(302);
            Article stored = node.wiring.articles.find(node.admin(), id);
            assertThat(stored.published()).isTrue();
            assertThat(stored.productId()).isNull();
            Document page = Jsoup.parse(manager.get("/articles/" + id).body());
            assertThat(page.select("h1").first().text()).isEqualTo("Toner <b>guide</b>");
            assertThat(page.select("#article-body h2").text()).isEqualTo("Steps");
            assertThat(page.select("#article-body em").text()).isEqualTo("Open");
            assertThat(page.select("#article-body script")).isEmpty();
            assertThat(page.select("#article-body a[href]")).isEmpty();
        });
    }

    @Test
    void delete_needs_confirmation() {
        long id = node.article("Toner guide", printers, "Text.", true);
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");

            Browser.Page unconfirmed = manager.post("/articles/" + id + "/delete", Map.of());
            assertThat(unconfirmed.status()).isEqualTo(422);
            assertThat(Jsoup.parse(unconfirmed.body()).select("#confirm-error").text()).startsWith("Nothing was deleted.");
            assertThat(manager.get("/articles/" + id).status()).isEqualTo(200);

            Browser.Page confirmed = manager.post("/articles/" + id + "/delete", Map.of("confirm", "yes"));
            assertThat(confirmed.status()).isEqualTo(302);
            assertThat(manager.get("/articles/" + id).status()).isEqualTo(404);
        });
    }

    @Test
    void favourite_appears_on_home_page_until_removed() {
        long id = node.article("Toner guide", printers, "Text.", true);
        node.http((server, client) -> {
            Browser member = signedIn(client.getOrigin(), "member");

            assertThat(member.post("/articles/" + id + "/favourite", Map.of()).status()).isEqualTo(302);
            assertThat(Jsoup.parse(member.get("/").body()).select("#favourite-articles a").eachText()).containsExactly("Toner guide");

            assertThat(member.post("/articles/" + id + "/unfavourite", Map.of()).status()).isEqualTo(302);
            assertThat(Jsoup.parse(member.get("/").body()).select("#favourite-articles a")).isEmpty();
        });
    }

    @Test
    void pinned_article_shows_on_guest_home_page() {
        long id = node.article("Opening hours", null, "We answer **every day**.", true);
        node.set(Settings.PINNED_ARTICLE, String.valueOf(id));
        node.http((server, client) -> {
            Document home = Jsoup.parse(new Browser(client.getOrigin()).get("/").body());

            assertThat(home.select("#pinned-article h2").text()).isEqualTo("Opening hours");
            assertThat(home.select("#pinned-article strong").text()).isEqualTo("every day");
        });
    }

    @Test
    void list_hides_drafts_and_filters_by_project() {
        node.article("Toner guide", printers, "", true);
        node.article("Everyone guide", null, "", true);
        node.article("Draft guide", printers, "", false);
        node.http((server, client) -> {
            Browser member = signedIn(client.getOrigin(), "member");
            Browser manager = signedIn(client.getOrigin(), "manager");

            assertThat(Jsoup.parse(member.get("/articles").body()).select("#articles td a").eachText())
                    .containsExactly("Everyone guide", "Toner guide");
            assertThat(Jsoup.parse(manager.get("/articles").body()).select("#articles td a").eachText())
                    .containsExactly("Draft guide", "Everyone guide", "Toner guide");
            assertThat(Jsoup.parse(member.get("/articles?product=" + printers.id()).body()).select("#articles td a").eachText())
                    .containsExactly("Toner guide");
            assertThat(Jsoup.parse(member.get("/articles?product=all").body()).select("#articles td a").eachText())
                    .containsExactly("Everyone guide");
        });
    }

    @Test
    void list_pages_with_totals() {
        node.set(Settings.PAGE_LENGTH, "5");
        for (int number = 1; number <= 6; number++) {
            node.article("Guide " + number, null, "", true);
        }
        node.http((server, client) -> {
            Browser member = signedIn(client.getOrigin(), "member");

            Document second = Jsoup.parse(member.get("/articles?page=2").body());

            assertThat(second.select("#articles td a").eachText()).containsExactly("Guide 6");
            assertThat(second.text()).contains("6–6 of 6");
        });
    }
}
