package org.nodepoint.legacyapi;

import org.nodepoint.events.Origin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.READ_KEY;
import static org.nodepoint.testing.TestNodePoint.WRITE_KEY;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.tickets.Comment;
import org.nodepoint.tickets.TicketUpdate;

/** The add_comment call. Parameters are checked in the order comment, id, key, and the author is the api account. */
class AddCommentApiTest {
    /** Stands for the id of the ticket that each test creates first. */
    private static final String TICKET = "$ticket";

    @TempDir
    Path folder;

    @Test
    void comment_is_stored_as_api() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            long id = node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
            String expected = "{\n \"message\": \"Comment added.\",\n \"status\": \"OK\"\n}\n";
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.post("/nodepoint/", "api", "add_comment", "key", WRITE_KEY, "id", String.valueOf(id),
                        "comment", "Tried another cable");

                assertThat(response.bytes()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
                List<Comment> comments = node.wiring.tickets.show(node.admin(), id).comments();
                assertThat(comments).hasSize(1);
                assertThat(comments.get(0).body()).isEqualTo("Tried another cable");
                assertThat(comments.get(0).authorName()).isEqualTo("api");
            });
        }
    }

    @Test
    void comment_shows_in_show_ticket() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            long id = node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                api.get("/", "api", "add_comment", "key", WRITE_KEY, "id", String.valueOf(id), "comment", "First\r\nSecond line");
                JsonNode comments = api.get("/", "api", "show_ticket", "key", READ_KEY, "id", String.valueOf(id)).json().path("comments");

                assertThat(comments).hasSize(1);
                assertThat(comments.get(0).path("name").asText()).isEqualTo("api");
                assertThat(comments.get(0).path("comment").asText()).isEqualTo("First\nSecond line");
                assertThat(comments.get(0).path("modified_on").asText()).isEqualTo("Never");
            });
        }
    }

    @Test
    void closed_ticket_takes_comment() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            long id = node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
            node.wiring.tickets.update(node.admin(), id, new TicketUpdate(null, null, "Closed", "Fixed", null, null, null, null), Origin.WEB);
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/", "api", "add_comment", "key", WRITE_KEY, "id", String.valueOf(id),
                        "comment", "Came back once");

                assertThat(response.statusCode()).isEqualTo("OK");
                assertThat(node.wiring.tickets.show(node.admin(), id).comments()).extracting(Comment::body).containsExactly("Came back once");
            });
        }
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of("nothing", List.of(), "Missing 'comment' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of("empty comment", List.of("comment", "", "id", TICKET, "key", WRITE_KEY), "Missing 'comment' argument.",
                        "ERR_MISSING_ARGUMENT"),
                Arguments.of("zero comment", List.of("comment", "0", "id", TICKET, "key", WRITE_KEY), "Missing 'comment' argument.",
                        "ERR_MISSING_ARGUMENT"),
                Arguments.of("comment only", List.of("comment", "C"), "Missing 'id' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of("zero id", List.of("comment", "C", "id", "0", "key", WRITE_KEY), "Missing 'id' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of("no key", List.of("comment", "C", "id", TICKET), "Missing 'key' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of("unknown ticket, no key", List.of("comment", "C", "id", "999"), "Missing 'key' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of("wrong key", List.of("comment", "C", "id", TICKET, "key", "wrong"), "Invalid 'key' value.", "ERR_INVALID_KEY"),
                Arguments.of("read key", List.of("comment", "C", "id", TICKET, "key", READ_KEY), "Invalid 'key' value.", "ERR_INVALID_KEY"),
                Arguments.of("unknown ticket", List.of("comment", "C", "id", "999", "key", WRITE_KEY), "Ticket not found.", "ERR_INVALID_ID"),
                Arguments.of("id not a number", List.of("comment", "C", "id", "abc", "key", WRITE_KEY), "Ticket not found.", "ERR_INVALID_ID"),
                Arguments.of("blank comment", List.of("comment", "   ", "id", TICKET, "key", WRITE_KEY),
                        "Bad length for 'comment' argument (between 1 and 10000 characters).", "ERR_ARGUMENT_LENGTH"),
                Arguments.of("long comment", List.of("comment", "c".repeat(10_001), "id", TICKET, "key", WRITE_KEY),
                        "Bad length for 'comment' argument (between 1 and 10000 characters).", "ERR_ARGUMENT_LENGTH"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void invalid_request_adds_nothing(String label, List<String> parameters, String message, String code) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            long id = node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
            List<String> request = new ArrayList<>(List.of("api", "add_comment"));
            parameters.forEach(value -> request.add(value.equals(TICKET) ? String.valueOf(id) : value));
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.post("/nodepoint/", request.toArray(String[]::new));

                assertThat(response.status()).isEqualTo(200);
                assertThat(response.message()).isEqualTo(message);
                assertThat(response.statusCode()).isEqualTo(code);
                assertThat(node.wiring.tickets.show(node.admin(), id).comments()).isEmpty();
            });
        }
    }
}
