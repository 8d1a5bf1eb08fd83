package org.nodepoint.legacyapi;

import org.nodepoint.events.Origin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.READ_KEY;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.tickets.Comment;
import org.nodepoint.tickets.Ticket;
import org.nodepoint.tickets.TicketUpdate;
import org.nodepoint.users.User;

/** The show_ticket call: one ticket with its comments, id checked before the read key. */
class ShowTicketApiTest {
    @TempDir
    Path folder;

    @Test
    void ticket_has_exact_layout() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            User alice = node.user("alice", 3);
            User bob = node.user("bob", 1);
            long id = node.ticket(node.viewer(bob), product, "Screen flickers", "Since Monday\r\nAfter the update");
            node.wiring.tickets.comment(node.admin(), id, "Try a new cable", Origin.WEB);
            node.wiring.database.write().useHandle(handle -> {
                handle.execute("INSERT INTO ticket_assignees (ticket_id, user_id) VALUES (?, ?)", id, alice.id());
                handle.execute("INSERT INTO ticket_assignees (ticket_id, user_id) VALUES (?, ?)", id, bob.id());
                handle.execute("INSERT INTO ticket_followers (ticket_id, user_id) VALUES (?, ?)", id, alice.id());
            });
            Ticket ticket = node.wiring.tickets.findVisible(node.admin(), id);
            Comment comment = node.wiring.tickets.show(node.admin(), id).comments().get(0);
            String expected = """
                    {
                     "message": "Ticket showed.",
                     "status": "OK",
                     "id": "%d",
                     "product_id": "%d",
                     "release_id": "",
                     "created_by": "bob",
                     "assigned_to": "alice bob",
                     "title": "Screen flickers",
                     "description": "Since Monday\\nAfter the update",
                     "priority": "Normal",
                     "status": "New",
                     "resolution": "",
                     "followers": "alice",
                     "created_on": "%s",
                     "modified_on": "Never",
                     "comments": [
                      {
                       "id": "%d",
                       "name": "admin",
                       "comment": "Try a new cable",
                       "created_on": "%s",
                       "modified_on": "Never"
                      }
                     ]
                    }
                    """.formatted(id, product.id(), ApiClient.ctime(ticket.createdAt()), comment.id(), ApiClient.ctime(comment.createdAt()));
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/nodepoint/", "api", "show_ticket", "id", String.valueOf(id), "key", READ_KEY);

                assertThat(response.body()).isEqualTo(expected);
                assertThat(response.bytes()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
            });
        }
    }

    @Test
    void status_key_appears_twice_in_order() throws IOException {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            long id = node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
            node.wiring.tickets.update(node.admin(), id, new TicketUpdate(null, null, "Hold", "Waiting for parts", null, null, null, null), Origin.WEB);
            List<String> statusValues = new ArrayList<>();
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());
                String body = api.get("/", "api", "show_ticket", "id", String.valueOf(id), "key", READ_KEY).body();

                statusValues.addAll(topLevelValues(body, "status"));
            });

            assertThat(statusValues).containsExactly("OK", "Hold");
        }
    }

    @Test
    void last_wins_parser_reads_ticket_status() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            long id = node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
            node.wiring.tickets.update(node.admin(), id, new TicketUpdate(null, null, "Resolved", "New cable", null, null, null, null), Origin.WEB);
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                JsonNode ticket = api.get("/", "api", "show_ticket", "id", String.valueOf(id), "key", READ_KEY).json();

                assertThat(ticket.path("message").asText()).isEqualTo("Ticket showed.");
                assertThat(ticket.path("status").asText()).isEqualTo("Resolved");
                assertThat(ticket.path("resolution").asText()).isEqualTo("New cable");
            });
        }
    }

    @Test
    void edited_ticket_shows_modified_date() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            long id = node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
            node.wiring.tickets.update(node.admin(), id, new TicketUpdate(null, null, null, null, "High", null, null, null), Origin.WEB);
            Ticket ticket = node.wiring.tickets.findVisible(node.admin(), id);
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                JsonNode shown = api.get("/", "api", "show_ticket", "id", String.valueOf(id), "key", READ_KEY).json();

                assertThat(shown.path("modified_on").asText()).isEqualTo(ApiClient.ctime(ticket.updatedAt()));
                assertThat(shown.path("priority").asText()).isEqualTo("High");
            });
        }
    }

    @Test
    void ticket_of_restricted_product_is_shown() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Servers", "Restricted");
            long id = node.ticket(node.admin(), product, "Disk full", "On node 3");
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/", "api", "show_ticket", "id", String.valueOf(id), "key", READ_KEY);

                assertThat(response.message()).isEqualTo("Ticket showed.");
                assertThat(response.json().path("title").asText()).isEqualTo("Disk full");
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "nothing           | NONE | NONE   | Missing 'id' argument.  | ERR_MISSING_ARGUMENT",
        "no id, wrong key  | NONE | wrong  | Missing 'id' argument.  | ERR_MISSING_ARGUMENT",
        "empty id          | ''   | $read  | Missing 'id' argument.  | ERR_MISSING_ARGUMENT",
        "zero id           | 0    | $read  | Missing 'id' argument.  | ERR_MISSING_ARGUMENT",
        "no key            | 1    | NONE   | Missing 'key' argument. | ERR_MISSING_ARGUMENT",
        "zero key          | 1    | 0      | Missing 'key' argument. | ERR_MISSING_ARGUMENT",
        "unknown id no key | 999  | NONE   | Missing 'key' argument. | ERR_MISSING_ARGUMENT",
        "wrong key         | 1    | wrong  | Invalid 'key' value.    | ERR_INVALID_KEY",
        "write key         | 1    | $write | Invalid 'key' value.    | ERR_INVALID_KEY",
        "unknown id        | 999  | $read  | Ticket not found.       | ERR_INVALID_ID",
        "id not a number   | abc  | $read  | Ticket not found.       | ERR_INVALID_ID",
        "negative id       | -1   | $read  | Ticket not found.       | ERR_INVALID_ID",
    })
    void invalid_request_is_rejected(String label, String id, String key, String message, String code) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
            List<String> request = new ArrayList<>(List.of("api", "show_ticket"));
            if (id != null) {
                request.addAll(List.of("id", id));
            }
            if (key != null) {
                request.addAll(List.of("key", ApiClient.resolveKey(key)));
            }
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/nodepoint/", request.toArray(String[]::new));

                assertThat(response.message()).isEqualTo(message);
                assertThat(response.statusCode()).isEqualTo(code);
                assertThat(response.json().has("title")).isFalse();
            });
        }
    }

    /** Returns every value of a top-level key in document order, duplicates included. */
    private static List<String> topLevelValues(String body, String key) throws IOException {
        List<String> values = new ArrayList<>();
        try (JsonParser parser = new JsonFactory().createParser(body)) {
            int depth = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    depth++;
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                } else if (token == JsonToken.FIELD_NAME && depth == 1 && parser.currentName().equals(key)) {
                    parser.nextToken();
                    values.add(parser.getText());
                }
            }
        }
        return values;
    }
}
