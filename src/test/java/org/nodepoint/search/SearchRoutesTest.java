package org.nodepoint.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.Viewer;

class SearchRoutesTest {
    private static final List<String> HOSTILE_QUERIES = List.of("can't", "C++", "100%", "%", "_", "user@example.com",
            "'); DROP TABLE tickets;--", "", "\"", "*", "NEAR(a b)", "a OR b", "-x", "col:term", "((printer", "printer))", "\"printer",
            "printer\"", "'", "x".repeat(5_000), "word ".repeat(1_200), "Überprüfung café 日本語 😀", "tab\there\u0000\u0007\u001b[31m",
            "\uD800", "AND", "OR NOT", "^printer", "printer*", "{title}: x");

    @TempDir
    Path folder;

    private TestNodePoint node;
    private Viewer reporter;
    private Product product;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder, Map.of("default_vis", "Public"));
        product = node.product("Laptops", "Public");
        reporter = node.viewer(node.user("reporter", Level.AUTHORIZED));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void hostile_queries_return_200() {
        node.ticket(reporter, product, "Printer can't print", "Mail user@example.com about C++ and 100% CPU");
        node.http((server, client) -> {
            Browser browser = new Browser(client.getOrigin());

            for (String query : HOSTILE_QUERIES) {
                Browser.Page page = browser.get("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));

                assertThat(page.status()).as("status for %s", abbreviate(query)).isEqualTo(200);
                assertThat(page.body()).as("body for %s", abbreviate(query)).doesNotContain("Server error");
            }
        });
    }

    @Test
    void drop_table_query_keeps_tickets() {
        node.ticket(reporter, product, "Printer jam", "Paper stuck");
        node.ticket(reporter, product, "Screen flickers", "Since Monday");
        node.http((server, client) -> {
            Browser browser = new Browser(client.getOrigin());

            Browser.Page page = browser.get("/search?q=" + URLEncoder.encode("'); DROP TABLE tickets;--", StandardCharsets.UTF_8));

            assertThat(page.status()).isEqualTo(200);
            long rows = node.wiring.database.read().withHandle(h -> h.createQuery("SELECT count(*) FROM tickets").mapTo(Long.class).one());
            assertThat(rows).isEqualTo(2);
        });
    }

    @Test
    void apostrophe_query_finds_ticket() {
        long id = node.ticket(reporter, product, "Printer can't print", "Paper stuck");
        node.ticket(reporter, product, "Printer works", "Nothing to see");
        node.http((server, client) -> {
            Browser browser = new Browser(client.getOrigin());

            Document page = Jsoup.parse(browser.get("/search?q=" + URLEncoder.encode("can't", StandardCharsets.UTF_8)).body());

            assertThat(page.select("ol a.fw-semibold").eachAttr("href")).containsExactly("/tickets/" + id);
        });
    }

    @Test
    void email_query_finds_ticket() {
        long id = node.ticket(reporter, product, "Mail bounce", "Write to user@example.com please");
        node.ticket(reporter, product, "Other user", "Write to admin@example.org");
        node.http((server, client) -> {
            Browser browser = new Browser(client.getOrigin());

            Document page = Jsoup.parse(browser.get("/search?q=" + URLEncoder.encode("user@example.com", StandardCharsets.UTF_8)).body());

            assertThat(page.select("ol a.fw-semibold").eachAttr("href")).containsExactly("/tickets/" + id);
        });
    }

    @Test
    void snippets_highlight_matches_with_mark() {
        node.ticket(reporter, product, "Battery drains", "The <b>keyboard</b> stopped working after the update");
        node.http((server, client) -> {
            Browser browser = new Browser(client.getOrigin());

            Document page = Jsoup.parse(browser.get("/search?q=keyboard").body());

            assertThat(page.select(".search-snippet mark").eachText()).containsExactly("keyboard");
            assertThat(page.select(".search-snippet b")).isEmpty();
            assertThat(page.select(".search-snippet").text()).contains("<b>");
        });
    }

    @Test
    void empty_query_shows_hint() {
        node.http((server, client) -> {
            Browser browser = new Browser(client.getOrigin());

            Document page = Jsoup.parse(browser.get("/search?q=").body());

            assertThat(page.select("main p.text-body-secondary").text()).startsWith("Type words to find");
        });
    }

    @Test
    void no_match_shows_empty_message() {
        node.ticket(reporter, product, "Printer jam", "Paper stuck");
        node.http((server, client) -> {
            Browser browser = new Browser(client.getOrigin());

            Document page = Jsoup.parse(browser.get("/search?q=zebra").body());

            assertThat(page.select("main p.text-body-secondary").text()).isEqualTo("No tickets you may see match zebra.");
            assertThat(page.select("ol a.fw-semibold")).isEmpty();
        });
    }

    private static String abbreviate(String query) {
        return query.length() > 40 ? query.substring(0, 40) + "… (" + query.length() + " characters)" : query;
    }

    @Test
    void full_text_window_shows_notice() {
        node.wiring.database.write().useHandle(handle -> {
            var batch = handle.prepareBatch("INSERT INTO tickets (product_id, created_by, title, description, created_at) "
                    + "VALUES (:product, :user, 'Laptop', 'Needs the new firmware', 0)");
            for (int i = 0; i <= SearchService.RANK_WINDOW; i++) {
                batch.bind("product", product.id()).bind("user", reporter.userId()).add();
            }
            batch.execute();
        });
        node.http((server, client) -> {
            Browser browser = new Browser(client.getOrigin());

            Document page = Jsoup.parse(browser.get("/search?q=firmware").body());

            assertThat(page.select("main p.text-body-secondary").text())
                    .isEqualTo("More than 5000 tickets match. The newest 5000 of them are ranked and the best 1000 are shown. "
                            + "Add words to narrow the search.");
            assertThat(page.select("ol a.fw-semibold")).hasSize(20);
        });
    }
}
