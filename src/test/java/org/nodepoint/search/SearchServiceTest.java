package org.nodepoint.search;

import org.nodepoint.events.Origin;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.tickets.TicketUpdate;
import org.nodepoint.users.Level;
import org.nodepoint.users.Viewer;

class SearchServiceTest {
    @TempDir
    Path folder;

    private TestNodePoint node;
    private SearchService search;
    private Product product;
    private Viewer reporter;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder);
        search = node.wiring.search;
        product = node.product("Laptops", "Public");
        reporter = node.viewer(node.user("reporter", Level.AUTHORIZED));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            printer                        | "printer"*
            printer jam                    | "printer" AND "jam"*
            ~printer ~                     | "printer"
            can't                          | "can't"*
            C++                            | "C++"
            100%                           | "100%"
            user@example.com               | "user@example.com"*
            ~'); DROP TABLE tickets;--~    | "DROP" AND "TABLE" AND "tickets;--"
            ~"~                            |
            *                              |
            %                              |
            _                              |
            NEAR(a b)                      | "NEAR(a" AND "b)"
            a OR b                         | "a" AND "OR" AND "b"*
            -x                             | "-x"*
            col:term                       | "col:term"*
            ((printer                      | "((printer"*
            ~"unbalanced~                  | "\""unbalanced"*
            café Ünïcode                   | "café" AND "Ünïcode"*
            """)
    void fts_query_parse_table(String input, String expected) {
        Optional<String> parsed = FtsQuery.parse(input);

        assertThat(parsed).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void fts_query_parse_empty_inputs() {
        assertThat(FtsQuery.parse(null)).isEmpty();
        assertThat(FtsQuery.parse("")).isEmpty();
        assertThat(FtsQuery.parse("   \t\n")).isEmpty();
        assertThat(FtsQuery.parse("\u0000\u0001\u001b")).isEmpty();
    }

    @Test
    void fts_query_keeps_max_words() {
        String input = "word ".repeat(FtsQuery.MAX_WORDS + 10) + "last";

        String parsed = FtsQuery.parse(input).orElseThrow();

        assertThat(parsed.split(" AND ")).hasSize(FtsQuery.MAX_WORDS);
        assertThat(parsed).doesNotContain("last").doesNotContain("*");
    }

    @Test
    void title_match_ranks_above_description() {
        long inDescription = node.ticket(reporter, product, "Battery drains", "The keyboard stopped working");
        long inTitle = node.ticket(reporter, product, "Keyboard broken", "Pressed keys do nothing");

        SearchService.Results results = search.search(reporter, "keyboard", 0, 20);

        assertThat(results.hits()).extracting(hit -> hit.ticket().id()).containsExactly(inTitle, inDescription);
        assertThat(results.total()).isEqualTo(2);
    }

    @Test
    void comment_match_finds_ticket() {
        long id = node.ticket(reporter, product, "Battery drains", "Overnight");
        node.wiring.tickets.comment(reporter, id, "Maybe the firmware is outdated", Origin.WEB);

        SearchService.Results results = search.search(reporter, "firmware", 0, 20);

        assertThat(results.hits()).extracting(hit -> hit.ticket().id()).containsExactly(id);
        assertThat(results.hits().get(0).snippet()).contains(new SearchService.Segment("firmware", true));
    }

    @Test
    void text_matches_rank_before_comment_matches() {
        long olderComment = node.ticket(reporter, product, "Battery drains", "Overnight");
        long newerComment = node.ticket(reporter, product, "Fan noise", "Loud");
        long inText = node.ticket(reporter, product, "Firmware update fails", "Error 12");
        node.wiring.tickets.comment(reporter, olderComment, "Maybe the firmware is outdated", Origin.WEB);
        node.wiring.tickets.comment(reporter, newerComment, "New firmware helped", Origin.WEB);

        SearchService.Results results = search.search(reporter, "firmware", 0, 20);

        assertThat(results.hits()).extracting(hit -> hit.ticket().id()).containsExactly(inText, newerComment, olderComment);
        assertThat(results.total()).isEqualTo(3);
        assertThat(results.totalIsLowerBound()).isFalse();
    }

    @Test
    void full_text_page_skips_comments() {
        for (int i = 0; i < 25; i++) {
            node.ticket(reporter, product, "Firmware " + i, "Needs an update");
        }
        long commentOnly = node.ticket(reporter, product, "Battery drains", "Overnight");
        node.wiring.tickets.comment(reporter, commentOnly, "Maybe the firmware is outdated", Origin.WEB);

        SearchService.Results first = search.search(reporter, "firmware", 0, 20);
        SearchService.Results second = search.search(reporter, "firmware", 20, 20);

        assertThat(first.total()).isEqualTo(25);
        assertThat(first.totalIsLowerBound()).isTrue();
        assertThat(second.total()).isEqualTo(26);
        assertThat(second.totalIsLowerBound()).isFalse();
        assertThat(second.hits()).extracting(hit -> hit.ticket().id()).endsWith(commentOnly);
    }

    @Test
    void full_comment_window_gives_lower_bound() {
        long id = node.ticket(reporter, product, "Battery drains", "Overnight");
        node.wiring.database.write().useHandle(handle -> {
            var batch = handle.prepareBatch("INSERT INTO comments (ticket_id, user_id, body, created_at) VALUES (:ticket, :user, :body, 0)");
            for (int i = 0; i <= SearchService.COMMENT_WINDOW; i++) {
                batch.bind("ticket", id).bind("user", reporter.userId()).bind("body", "firmware note " + i).add();
            }
            batch.execute();
        });

        SearchService.Results results = search.search(reporter, "firmware", 0, 20);

        assertThat(results.hits()).extracting(hit -> hit.ticket().id()).containsExactly(id);
        assertThat(results.totalIsLowerBound()).isTrue();
    }

    @Test
    void text_window_ranks_newest_matches() {
        long oldestBestMatch = node.ticket(reporter, product, "Firmware firmware firmware", "Firmware");
        node.wiring.database.write().useHandle(handle -> {
            var batch = handle.prepareBatch("INSERT INTO tickets (product_id, created_by, title, description, created_at) "
                    + "VALUES (:product, :user, :title, 'Needs the new firmware', 0)");
            for (int i = 0; i < SearchService.RANK_WINDOW; i++) {
                batch.bind("product", product.id()).bind("user", reporter.userId()).bind("title", "Laptop " + i).add();
            }
            batch.execute();
        });

        SearchService.Results results = search.search(reporter, "firmware", 0, 20);

        assertThat(results.completeness()).isEqualTo(SearchService.Total.TEXT_WINDOW_FULL);
        assertThat(results.total()).isEqualTo(SearchService.RANK_WINDOW);
        assertThat(results.hits()).hasSize(20);
        assertThat(results.hits()).extracting(hit -> hit.ticket().id()).doesNotContain(oldestBestMatch);
    }

    @Test
    void text_window_not_full_ranks_all() {
        long oldestBestMatch = node.ticket(reporter, product, "Firmware firmware firmware", "Firmware");
        for (int i = 0; i < 3; i++) {
            node.ticket(reporter, product, "Laptop " + i, "Needs the new firmware");
        }

        SearchService.Results results = search.search(reporter, "firmware", 0, 20);

        assertThat(results.completeness()).isEqualTo(SearchService.Total.EXACT);
        assertThat(results.total()).isEqualTo(4);
        assertThat(results.hits().get(0).ticket().id()).isEqualTo(oldestBestMatch);
    }

    @Test
    void updated_title_is_searchable() {
        long id = node.ticket(reporter, product, "Battery drains", "Overnight");
        node.wiring.tickets.update(node.admin(), id, new TicketUpdate("Charger sparks", null, null, null, null, null, null, null), Origin.WEB);

        SearchService.Results oldWord = search.search(reporter, "battery", 0, 20);
        SearchService.Results newWord = search.search(reporter, "charger", 0, 20);

        assertThat(oldWord.total()).isZero();
        assertThat(newWord.hits()).extracting(hit -> hit.ticket().id()).containsExactly(id);
    }

    @Test
    void symbol_word_is_not_prefix() {
        long cpp = node.ticket(reporter, product, "C++ build fails", "The compiler crashes");
        node.ticket(reporter, product, "Cobol report", "Columns shifted");

        SearchService.Results results = search.search(reporter, "C++", 0, 20);

        assertThat(results.hits()).extracting(hit -> hit.ticket().id()).containsExactly(cpp);
    }

    @Test
    void pages_split_the_results() {
        for (int i = 0; i < 25; i++) {
            node.ticket(reporter, product, "Printer " + i, "Paper jam");
        }

        SearchService.Results first = search.search(reporter, "printer", 0, 20);
        SearchService.Results second = search.search(reporter, "printer", 20, 20);

        assertThat(first.hits()).hasSize(20);
        assertThat(second.hits()).hasSize(5);
        assertThat(first.total()).isEqualTo(25);
        assertThat(second.total()).isEqualTo(25);
        List<Long> firstIds = first.hits().stream().map(hit -> hit.ticket().id()).toList();
        assertThat(second.hits()).extracting(hit -> hit.ticket().id()).doesNotContainAnyElementsOf(firstIds);
    }
}
