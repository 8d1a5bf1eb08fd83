package org.nodepoint.legacyapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.READ_KEY;
import static org.nodepoint.testing.TestNodePoint.WRITE_KEY;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nodepoint.projects.Product;
import org.nodepoint.projects.ProductForm;
import org.nodepoint.testing.TestNodePoint;

/**
 * Text that broke NodePoint 1.x's hand-built JSON (quotes, backslashes, raw newlines, tabs and
 * other control characters) must come back escaped, so that a strict parser returns it unchanged.
 */
class LegacyApiEscapingTest {
    /** Each tricky character sits inside the text, because the services strip outer whitespace. */
    /** A short release version with the same kinds of characters, because versions take at most 50. */
    private static final String TRICKY_VERSION = "v\"1\\2\t3\u0001 é";
    /** TRICKY_VERSION as stored: the tab and the control character become one space. */
    private static final String TRICKY_VERSION_LINE = "v\"1\\2 3 é";
    private static final String TRICKY = "say \"hi\" \\s \\u0041 <b>&amp;</b> line\nnext\ttab \u0001\u001f\u007f é 日本 😀 end";
    /** TRICKY as stored in a multi-line field: control characters other than line feed and tab are removed. */
    private static final String TRICKY_TEXT = "say \"hi\" \\s \\u0041 <b>&amp;</b> line\nnext\ttab  é 日本 😀 end";
    /** TRICKY as stored in a one-line field: line breaks, tabs and control characters become single spaces. */
    private static final String TRICKY_LINE = "say \"hi\" \\s \\u0041 <b>&amp;</b> line next tab é 日本 😀 end";

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET", "POST"})
    void ticket_text_round_trips(String method) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());
                String[] add = {"api", "add_ticket", "key", WRITE_KEY, "product_id", String.valueOf(product.id()),
                        "release_id", TRICKY_VERSION, "title", TRICKY, "description", TRICKY};

                ApiClient.Response added = method.equals("GET") ? api.get("/nodepoint/", add) : api.post("/nodepoint/", add);
                assertThat(added.statusCode()).isEqualTo("OK");
                String id = added.message().replaceAll("\\D", "");
                api.post("/", "api", "add_comment", "key", WRITE_KEY, "id", id, "comment", TRICKY);
                ApiClient.Response shown = api.get("/", "api", "show_ticket", "key", READ_KEY, "id", id);
                ApiClient.Response listed = api.get("/", "api", "list_tickets", "key", READ_KEY, "product_id", String.valueOf(product.id()));

                JsonNode ticket = shown.json();
                assertThat(ticket.path("title").asText()).isEqualTo(TRICKY_LINE);
                assertThat(ticket.path("description").asText()).isEqualTo(TRICKY_TEXT);
                assertThat(ticket.path("release_id").asText()).isEqualTo(TRICKY_VERSION_LINE);
                assertThat(ticket.path("comments").get(0).path("comment").asText()).isEqualTo(TRICKY_TEXT);
                assertThat(listed.json().path("tickets").get(0).path("title").asText()).isEqualTo(TRICKY_LINE);
                assertThat(listed.json().path("tickets").get(0).path("release_id").asText()).isEqualTo(TRICKY_VERSION_LINE);
            });
        }
    }

    /** A character typed into a description, its escaped form in the raw body, and the value a JSON parser reads. */
    static Stream<Arguments> characters() {
        return Stream.of(
                Arguments.of("quote", "\"", "\\\"", "\""),
                Arguments.of("backslash", "\\", "\\\\", "\\"),
                Arguments.of("newline", "\n", "\\n", "\n"),
                Arguments.of("carriage return", "\r", "\\n", "\n"),
                Arguments.of("tab", "\t", "\\t", "\t"),
                Arguments.of("control 0x01", "\u0001", "", ""),
                Arguments.of("control 0x1f", "\u001f", "", ""),
                Arguments.of("less-than", "<", "<", "<"),
                Arguments.of("e acute", "é", "é", "é"),
                Arguments.of("emoji", "😀", "😀", "😀"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("characters")
    void character_has_json_escape(String label, String character, String escaped, String parsed) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            long id = node.ticket(node.admin(), product, "Title", "a" + character + "b");
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response shown = api.get("/", "api", "show_ticket", "key", READ_KEY, "id", String.valueOf(id));

                assertThat(shown.body()).contains("\"description\": \"a" + escaped + "b\"");
                assertThat(shown.json().path("description").asText()).isEqualTo("a" + parsed + "b");
            });
        }
    }

    @Test
    void control_characters_get_unicode_escapes() {
        String body = LegacyJson.envelope("a\u0001b\u001fc", "OK").render();

        assertThat(body).contains("\"a\\u0001b\\u001Fc\"");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET", "POST"})
    void product_text_round_trips(String method) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.wiring.products.create(node.admin(), new ProductForm("Lap\"tops\\ é", "M\tX", TRICKY, "Public", "1.0"));
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());
                String[] add = {"api", "add_release", "key", WRITE_KEY, "product_id", String.valueOf(product.id()),
                        "release_id", "2.0 \"β\"", "notes", TRICKY};

                ApiClient.Response added = method.equals("GET") ? api.get("/nodepoint/", add) : api.post("/nodepoint/", add);
                JsonNode listed = api.get("/", "api", "list_products", "key", READ_KEY).json().path("products").get(0);

                assertThat(added.statusCode()).isEqualTo("OK");
                assertThat(listed.path("name").asText()).isEqualTo("Lap\"tops\\ é");
                assertThat(listed.path("model").asText()).isEqualTo("M X");
                assertThat(listed.path("description").asText()).isEqualTo(TRICKY_TEXT);
                assertThat(listed.path("releases").get(1).path("version").asText()).isEqualTo("2.0 \"β\"");
                assertThat(listed.path("releases").get(1).path("note").asText()).isEqualTo(TRICKY_TEXT);
            });
        }
    }
}
