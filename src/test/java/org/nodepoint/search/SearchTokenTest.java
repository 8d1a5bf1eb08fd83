package org.nodepoint.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;

/**
 * Words with combining accents (decomposed text, as pasted from macOS) and number signs such as
 * "²": searching for a word copied from the ticket finds it, because FTS5 tokenizes the query as it
 * tokenized the ticket.
 */
class SearchTokenTest {
    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"Re\u0301sume\u0301", "m\u00b2"})
    void word_copied_from_ticket_finds_it(String word) {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of("default_vis", "Public"))) {
            Product product = node.product("Office", "Public");
            long ticketId = node.ticket(node.admin(), product, "Upload fails",
                    "Re\u0301sume\u0301 upload fails for the 25 m\u00b2 meeting room");

            node.http((server, client) -> {
                Browser.Page page = new Browser(client.getOrigin())
                        .get("/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8));

                assertThat(page.status()).isEqualTo(200);
                assertThat(page.body()).contains("href=\"/tickets/" + ticketId + "\"");
            });
        }
    }
}
