package org.nodepoint.legacyapi;

import org.nodepoint.events.Origin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.READ_KEY;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.tickets.TicketUpdate;

/** The list_tickets call: one product's tickets, product_id checked before the read key. */
class ListTicketsApiTest {
    @TempDir
    Path folder;

    @Test
    void tickets_list_has_exact_layout() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            long first = node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
            long second = node.ticket(node.admin(), product, "Fan is loud", "Always");
            String expected = """
                    {
                     "message": "Tickets list.",
                     "status": "OK",
                     "tickets": [
                      {
                       "id": "%d",
                       "product_id": "%d",
                       "release_id": "",
                       "title": "Screen flickers"
                      },
                      {
                       "id": "%d",
                       "product_id": "%d",
                       "release_id": "",
                       "title": "Fan is loud"
                      }
                     ]
                    }
                    """.formatted(first, product.id(), second, product.id());
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/nodepoint/", "api", "list_tickets", "product_id",
                        String.valueOf(product.id()), "key", READ_KEY);

                assertThat(response.body()).isEqualTo(expected);
                assertThat(response.bytes()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
                assertThat(response.json().path("tickets")).hasSize(2);
            });
        }
    }

    @Test
    void unknown_product_gives_empty_list() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
            String expected = "{\n \"message\": \"Tickets list.\",\n \"status\": \"OK\",\n \"tickets\": [\n\n ]\n}\n";
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/nodepoint/", "api", "list_tickets", "product_id", "999", "key", READ_KEY);

                assertThat(response.bytes()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
                assertThat(response.json().path("tickets")).isEmpty();
            });
        }
    }

    @Test
    void other_products_tickets_are_left_out() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product laptops = node.product("Laptops", "Public");
            Product printers = node.product("Printers", "Restricted");
            node.ticket(node.admin(), laptops, "Screen flickers", "Since Monday");
            node.ticket(node.admin(), printers, "Paper jam", "Tray 2");
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                JsonNode tickets = api.get("/", "api", "list_tickets", "product_id", String.valueOf(printers.id()),
                        "key", READ_KEY).json().path("tickets");

                assertThat(titles(tickets)).containsExactly("Paper jam");
            });
        }
    }

    @ParameterizedTest(name = "hide_close={0}")
    @CsvSource({"on, false", "ON, false", "off, true", "'', true"})
    void hide_close_controls_closed_tickets(String hideClose, boolean closedListed) {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of("hide_close", hideClose))) {
            Product product = node.product("Laptops", "Public");
            node.ticket(node.admin(), product, "Still open", "Text");
            long closed = node.ticket(node.admin(), product, "Already closed", "Text");
            node.wiring.tickets.update(node.admin(), closed, new TicketUpdate(null, null, "Closed", "Fixed", null, null, null, null), Origin.WEB);
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                JsonNode tickets = api.get("/", "api", "list_tickets", "product_id", String.valueOf(product.id()),
                        "key", READ_KEY).json().path("tickets");

                assertThat(titles(tickets).contains("Already closed")).isEqualTo(closedListed);
                assertThat(titles(tickets)).contains("Still open");
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "nothing                 | NONE | NONE                 | Missing 'product_id' argument. | ERR_MISSING_ARGUMENT",
        "no product, wrong key   | NONE | wrong                | Missing 'product_id' argument. | ERR_MISSING_ARGUMENT",
        "empty product           | ''   | $read                | Missing 'product_id' argument. | ERR_MISSING_ARGUMENT",
        "zero product            | 0    | $read                | Missing 'product_id' argument. | ERR_MISSING_ARGUMENT",
        "no key                  | 1    | NONE                 | Missing 'key' argument.        | ERR_MISSING_ARGUMENT",
        "empty key               | 1    | ''                   | Missing 'key' argument.        | ERR_MISSING_ARGUMENT",
        "wrong key               | 1    | wrong                | Invalid 'key' value.           | ERR_INVALID_KEY",
        "write key               | 1    | $write               | Invalid 'key' value.           | ERR_INVALID_KEY",
    })
    void invalid_request_is_rejected(String label, String productId, String key, String message, String code) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
            List<String> request = new ArrayList<>(List.of("api", "list_tickets"));
            if (productId != null) {
                request.addAll(List.of("product_id", productId));
            }
            if (key != null) {
                request.addAll(List.of("key", ApiClient.resolveKey(key)));
            }
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/nodepoint/", request.toArray(String[]::new));

                assertThat(response.message()).isEqualTo(message);
                assertThat(response.statusCode()).isEqualTo(code);
                assertThat(response.json().has("tickets")).isFalse();
            });
        }
    }

    @Test
    void product_id_text_reads_as_number() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                JsonNode leadingDigits = api.get("/", "api", "list_tickets", "product_id", product.id() + "abc", "key", READ_KEY).json();
                JsonNode noDigits = api.get("/", "api", "list_tickets", "product_id", "abc", "key", READ_KEY).json();

                assertThat(titles(leadingDigits.path("tickets"))).containsExactly("Screen flickers");
                assertThat(noDigits.path("status").asText()).isEqualTo("OK");
                assertThat(noDigits.path("tickets")).isEmpty();
            });
        }
    }

    @Test
    void cached_list_follows_ticket_changes() {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of("hide_close", "on"))) {
            Product laptops = node.product("Laptops", "Public");
            Product printers = node.product("Printers", "Public");
            long flicker = node.ticket(node.admin(), laptops, "Screen flickers", "Since Monday");
            long fan = node.ticket(node.admin(), laptops, "Fan is loud", "Always");
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());
                assertThat(listedTitles(api, laptops)).containsExactly("Screen flickers", "Fan is loud");

                node.ticket(node.admin(), laptops, "Battery drains", "Overnight");
                assertThat(listedTitles(api, laptops)).containsExactly("Screen flickers", "Fan is loud", "Battery drains");

                node.wiring.tickets.update(node.admin(), flicker, new TicketUpdate("Screen flickers at night", null, null, null, null, null, null, null), Origin.WEB);
                assertThat(listedTitles(api, laptops)).containsExactly("Screen flickers at night", "Fan is loud", "Battery drains");

                node.wiring.tickets.update(node.admin(), fan, new TicketUpdate(null, null, "Closed", "Fixed", null, null, null, null), Origin.WEB);
                assertThat(listedTitles(api, laptops)).containsExactly("Screen flickers at night", "Battery drains");

                assertThat(listedTitles(api, printers)).isEmpty();
                node.wiring.database.write().useHandle(handle -> handle.execute("UPDATE tickets SET product_id = ? WHERE id = ?", printers.id(), flicker));
                assertThat(listedTitles(api, laptops)).containsExactly("Battery drains");
                assertThat(listedTitles(api, printers)).containsExactly("Screen flickers at night");

                node.wiring.database.write().useHandle(handle -> handle.execute("DELETE FROM tickets WHERE id = ?", flicker));
                assertThat(listedTitles(api, printers)).isEmpty();
            });
        }
    }

    @Test
    void cached_list_follows_hide_close() {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of("hide_close", "off"))) {
            Product product = node.product("Laptops", "Public");
            node.ticket(node.admin(), product, "Still open", "Text");
            long closed = node.ticket(node.admin(), product, "Already closed", "Text");
            node.wiring.tickets.update(node.admin(), closed, new TicketUpdate(null, null, "Closed", "Fixed", null, null, null, null), Origin.WEB);
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());
                assertThat(listedTitles(api, product)).containsExactly("Still open", "Already closed");

                node.set("hide_close", "on");

                assertThat(listedTitles(api, product)).containsExactly("Still open");
            });
        }
    }

    private static List<String> listedTitles(ApiClient api, Product product) {
        return titles(api.get("/", "api", "list_tickets", "product_id", String.valueOf(product.id()), "key", READ_KEY).json().path("tickets"));
    }

    private static List<String> titles(JsonNode tickets) {
        List<String> titles = new ArrayList<>();
        tickets.forEach(ticket -> titles.add(ticket.path("title").asText()));
        return titles;
    }
}
