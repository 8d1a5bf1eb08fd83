package org.nodepoint.legacyapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.READ_KEY;
import static org.nodepoint.testing.TestNodePoint.WRITE_KEY;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.tickets.Ticket;
import org.nodepoint.tickets.TicketDetails;

/**
 * The add_ticket call. Parameters are checked in the order title, description, product_id,
 * release_id, key, then from_user and priority. The ticket is filed as the built-in api account,
 * unless impersonation names an enabled user of level 1 or more.
 */
class AddTicketApiTest {
    /** Stands for the id of the product that each test creates first. */
    private static final String PRODUCT = "$product";

    @TempDir
    Path folder;

    @Test
    void ticket_is_filed_as_api() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/nodepoint/", "api", "add_ticket", "key", WRITE_KEY,
                        "product_id", String.valueOf(product.id()), "release_id", "3.1-beta", "title", "Screen flickers",
                        "description", "Since Monday", "custom", "ignored");

                long id = node.wiring.tickets.listByProduct(product.id()).tickets().get(0).id();
                String expected = "{\n \"message\": \"Ticket " + id + " added.\",\n \"status\": \"OK\"\n}\n";
                assertThat(response.bytes()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
                TicketDetails details = node.wiring.tickets.show(node.admin(), id);
                assertThat(details.ticket().title()).isEqualTo("Screen flickers");
                assertThat(details.ticket().description()).isEqualTo("Since Monday");
                assertThat(details.ticket().release()).isEqualTo("3.1-beta");
                assertThat(details.ticket().priorityLevel().label()).isEqualTo("Normal");
                assertThat(details.ticket().status()).isEqualTo("New");
                assertThat(details.createdByName()).isEqualTo("api");
                assertThat(details.assignees()).isEmpty();
            });
        }
    }

    @Test
    void filed_ticket_reads_back_through_api() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                String message = api.post("/", "api", "add_ticket", "key", WRITE_KEY, "product_id", String.valueOf(product.id()),
                        "release_id", "1.0", "title", "Fan is loud", "description", "Line one\nLine two", "priority", "high").message();
                String id = message.replace("Ticket ", "").replace(" added.", "");
                JsonNode shown = api.post("/", "api", "show_ticket", "id", id, "key", READ_KEY).json();

                assertThat(message).matches("Ticket \\d+ added\\.");
                assertThat(shown.path("title").asText()).isEqualTo("Fan is loud");
                assertThat(shown.path("description").asText()).isEqualTo("Line one\nLine two");
                assertThat(shown.path("priority").asText()).isEqualTo("High");
                assertThat(shown.path("release_id").asText()).isEqualTo("1.0");
                assertThat(shown.path("created_by").asText()).isEqualTo("api");
            });
        }
    }

    @ParameterizedTest(name = "priority={0}")
    @CsvSource({"Low, Low", "LOW, Low", "normal, Normal", "High, High", "'', Normal", "0, Normal"})
    void priority_is_read_without_case(String priority, String stored) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/", "api", "add_ticket", "key", WRITE_KEY, "product_id",
                        String.valueOf(product.id()), "release_id", "1.0", "title", "T", "description", "D", "priority", priority);

                assertThat(response.statusCode()).isEqualTo("OK");
                Ticket ticket = storedTicket(node, product);
                assertThat(ticket.priorityLevel().label()).isEqualTo(stored);
            });
        }
    }

    @Test
    void plus_and_percent_spaces_decode() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.getRaw("/nodepoint/?api=add_ticket&key=" + WRITE_KEY + "&product_id=" + product.id()
                        + "&release_id=1.0&title=Screen+flickers+again&description=Since%20Monday%20morning");

                assertThat(response.statusCode()).isEqualTo("OK");
                Ticket ticket = storedTicket(node, product);
                assertThat(ticket.title()).isEqualTo("Screen flickers again");
                assertThat(ticket.description()).isEqualTo("Since Monday morning");
            });
        }
    }

    @Test
    void zero_from_user_counts_as_missing() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/", "api", "add_ticket", "key", WRITE_KEY, "product_id",
                        String.valueOf(product.id()), "release_id", "1.0", "title", "T", "description", "D", "from_user", "0");

                assertThat(response.statusCode()).isEqualTo("OK");
                long id = node.wiring.tickets.listByProduct(product.id()).tickets().get(0).id();
                assertThat(node.wiring.tickets.show(node.admin(), id).createdByName()).isEqualTo("api");
            });
        }
    }

    @ParameterizedTest(name = "api_imp={0}")
    @CsvSource({"on", "ON", "On"})
    void impersonated_user_files_ticket(String setting) {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of("api_imp", setting))) {
            Product product = node.product("Laptops", "Public");
            node.user("carol", 1);
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/", "api", "add_ticket", "key", WRITE_KEY, "product_id",
                        String.valueOf(product.id()), "release_id", "1.0", "title", "T", "description", "D", "from_user", "carol");

                assertThat(response.statusCode()).isEqualTo("OK");
                long id = node.wiring.tickets.listByProduct(product.id()).tickets().get(0).id();
                assertThat(node.wiring.tickets.show(node.admin(), id).createdByName()).isEqualTo("carol");
            });
        }
    }

    @Test
    void impersonated_name_drops_other_characters() {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of("api_imp", "on"))) {
            Product product = node.product("Laptops", "Public");
            node.user("JohnSmith", 1);
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/", "api", "add_ticket", "key", WRITE_KEY, "product_id",
                        String.valueOf(product.id()), "release_id", "1.0", "title", "T", "description", "D", "from_user", "John Smith!");

                assertThat(response.statusCode()).isEqualTo("OK");
                long id = node.wiring.tickets.listByProduct(product.id()).tickets().get(0).id();
                assertThat(node.wiring.tickets.show(node.admin(), id).createdByName()).isEqualTo("JohnSmith");
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "level 0 user  | dave  | Invalid 'from_user' value.",
        "disabled user | erin  | Invalid 'from_user' value.",
        "unknown user  | frank | Invalid 'from_user' value.",
        "built-in api  | api   | Invalid 'from_user' value.",
        "built-in guest | guest | Invalid 'from_user' value.",
    })
    void impersonation_rejects_unfit_user(String label, String fromUser, String message) {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of("api_imp", "on"))) {
            Product product = node.product("Laptops", "Public");
            node.user("dave", 0);
            long erin = node.user("erin", 5).id();
            node.wiring.database.write().useHandle(handle -> handle.execute("UPDATE users SET disabled = 1 WHERE id = ?", erin));
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/", "api", "add_ticket", "key", WRITE_KEY, "product_id",
                        String.valueOf(product.id()), "release_id", "1.0", "title", "T", "description", "D", "from_user", fromUser);

                assertThat(response.message()).isEqualTo(message);
                assertThat(response.statusCode()).isEqualTo("ERR_INVALID_ARGUMENT");
                assertThat(node.wiring.tickets.listByProduct(product.id()).tickets()).isEmpty();
            });
        }
    }

    @Test
    void impersonated_user_needs_product_access() {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of("api_imp", "on"))) {
            Product product = node.product("Servers", "Restricted");
            node.user("carol", 1);
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/", "api", "add_ticket", "key", WRITE_KEY, "product_id",
                        String.valueOf(product.id()), "release_id", "1.0", "title", "T", "description", "D", "from_user", "carol");

                assertThat(response.message()).isEqualTo("Invalid 'product_id' value.");
                assertThat(response.statusCode()).isEqualTo("ERR_INVALID_PRODUCT_ID");
                assertThat(node.wiring.tickets.listByProduct(product.id()).tickets()).isEmpty();
            });
        }
    }

    static Stream<Arguments> invalidRequests() {
        List<String> valid = List.of("title", "T", "description", "D", "product_id", PRODUCT, "release_id", "1.0", "key", WRITE_KEY);
        return Stream.of(
                Arguments.of("nothing", List.of(), "Missing 'title' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of("empty title", replace(valid, "title", ""), "Missing 'title' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of("zero title", replace(valid, "title", "0"), "Missing 'title' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of("title only", List.of("title", "T"), "Missing 'description' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of("zero description", replace(valid, "description", "0"), "Missing 'description' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of("no product", List.of("title", "T", "description", "D"), "Missing 'product_id' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of("zero product", replace(valid, "product_id", "0"), "Missing 'product_id' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of("no release", List.of("title", "T", "description", "D", "product_id", PRODUCT),
                        "Missing 'release_id' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of("empty release", replace(valid, "release_id", ""), "Missing 'release_id' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of("no key", valid.subList(0, 8), "Missing 'key' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of("unknown product, no key", replace(valid.subList(0, 8), "product_id", "999"),
                        "Missing 'key' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of("wrong key", replace(valid, "key", "wrong"), "Invalid 'key' value.", "ERR_INVALID_KEY"),
                Arguments.of("read key", replace(valid, "key", READ_KEY), "Invalid 'key' value.", "ERR_INVALID_KEY"),
                Arguments.of("impersonation off", append(valid, "from_user", "admin"), "User impersonation is not on.", "ERR_INVALID_ARGUMENT"),
                Arguments.of("impersonation off, bad priority", append(append(valid, "from_user", "admin"), "priority", "urgent"),
                        "User impersonation is not on.", "ERR_INVALID_ARGUMENT"),
                Arguments.of("bad priority", append(valid, "priority", "urgent"), "Invalid 'priority' value.", "ERR_INVALID_ARGUMENT"),
                Arguments.of("priority as code", append(valid, "priority", "2"), "Invalid 'priority' value.", "ERR_INVALID_ARGUMENT"),
                Arguments.of("unknown product", replace(valid, "product_id", "999"), "Invalid 'product_id' value.", "ERR_INVALID_PRODUCT_ID"),
                Arguments.of("product not a number", replace(valid, "product_id", "abc"), "Invalid 'product_id' value.",
                        "ERR_INVALID_PRODUCT_ID"),
                Arguments.of("blank title", replace(valid, "title", "   "), "Bad length for 'title' argument (between 1 and 200 characters).",
                        "ERR_ARGUMENT_LENGTH"),
                Arguments.of("long title", replace(valid, "title", "t".repeat(201)),
                        "Bad length for 'title' argument (between 1 and 200 characters).", "ERR_ARGUMENT_LENGTH"),
                Arguments.of("long description", replace(valid, "description", "d".repeat(20_001)),
                        "Bad length for 'description' argument (between 1 and 20000 characters).", "ERR_ARGUMENT_LENGTH"),
                Arguments.of("long release", replace(valid, "release_id", "r".repeat(51)),
                        "Bad length for 'release_id' argument (at most 50 characters).", "ERR_ARGUMENT_LENGTH"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void invalid_request_files_nothing(String label, List<String> parameters, String message, String code) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            List<String> request = new ArrayList<>(List.of("api", "add_ticket"));
            parameters.forEach(value -> request.add(value.equals(PRODUCT) ? String.valueOf(product.id()) : value));
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.post("/nodepoint/", request.toArray(String[]::new));

                assertThat(response.status()).isEqualTo(200);
                assertThat(response.message()).isEqualTo(message);
                assertThat(response.statusCode()).isEqualTo(code);
                assertThat(node.wiring.tickets.listByProduct(product.id()).tickets()).isEmpty();
            });
        }
    }

    /** Returns the name and value list with the value of {@code name} replaced. */
    private static List<String> replace(List<String> namesAndValues, String name, String value) {
        List<String> copy = new ArrayList<>(namesAndValues);
        copy.set(copy.indexOf(name) + 1, value);
        return copy;
    }

    private static List<String> append(List<String> namesAndValues, String name, String value) {
        List<String> copy = new ArrayList<>(namesAndValues);
        copy.add(name);
        copy.add(value);
        return copy;
    }

    private static Ticket storedTicket(TestNodePoint node, Product product) {
        return node.wiring.database.read().withHandle(handle -> handle.createQuery("SELECT * FROM tickets WHERE product_id = :productId ORDER BY id LIMIT 1")
                .bind("productId", product.id()).mapTo(Ticket.class).one());
    }
}
