package org.nodepoint.legacyapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.READ_KEY;
import static org.nodepoint.testing.TestNodePoint.WRITE_KEY;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.tickets.Ticket;
import org.nodepoint.tickets.TicketChange;
import org.nodepoint.tickets.TicketDetails;

/**
 * The update_ticket call. Parameters are checked in the order id, key, from_user, status,
 * priority, time_spent, and then the ticket must exist. Impersonation needs level 3.
 */
class UpdateTicketApiTest {
    /** Stands for the id of the ticket that each test creates first. */
    private static final String TICKET = "$ticket";

    @TempDir
    Path folder;

    @Test
    void update_changes_stored_ticket() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            long id = node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
            String expected = "{\n \"message\": \"Ticket updated.\",\n \"status\": \"OK\"\n}\n";
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.post("/nodepoint/", "api", "update_ticket", "key", WRITE_KEY, "id", String.valueOf(id),
                        "status", "Closed", "resolution", "Replaced the cable", "priority", "low", "summary", "Visited on site",
                        "time_spent", "1.5");

                assertThat(response.bytes()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
                TicketDetails details = node.wiring.tickets.show(node.admin(), id);
                assertThat(details.ticket().status()).isEqualTo("Closed");
                assertThat(details.ticket().resolution()).isEqualTo("Replaced the cable");
                assertThat(details.ticket().priorityLevel().label()).isEqualTo("Low");
                assertThat(details.ticket().updatedAt()).isNotNull();
                TicketChange change = details.changes().get(0);
                assertThat(change.userName()).isEqualTo("api");
                assertThat(change.note()).isEqualTo("Visited on site");
                assertThat(change.fields()).extracting(TicketChange.FieldChange::field).containsExactly("status", "resolution", "priority");
                assertThat(timeEntries(node, id)).containsExactly(150);
            });
        }
    }

    @Test
    void update_shows_in_show_ticket() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            long id = node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                api.get("/", "api", "update_ticket", "key", WRITE_KEY, "id", String.valueOf(id), "status", "Resolved",
                        "resolution", "Said \"fixed\" \\ done");
                ApiClient.Response shown = api.get("/", "api", "show_ticket", "key", READ_KEY, "id", String.valueOf(id));

                assertThat(shown.json().path("status").asText()).isEqualTo("Resolved");
                assertThat(shown.json().path("resolution").asText()).isEqualTo("Said \"fixed\" \\ done");
            });
        }
    }

    @ParameterizedTest(name = "time_spent={0}")
    @CsvSource({"1, 100", "0.25, 25", "2.5, 250", "' 3 ', 300", "-0.5, -50", "0.01, 1", "'1,5', 150", "99, 9900", "-99, -9900"})
    void time_spent_is_stored_in_hundredths(String hours, int hundredths) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            long id = node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/", "api", "update_ticket", "key", WRITE_KEY, "id", String.valueOf(id),
                        "time_spent", hours);

                assertThat(response.statusCode()).isEqualTo("OK");
                assertThat(timeEntries(node, id)).containsExactly(hundredths);
            });
        }
    }

    @ParameterizedTest(name = "time_spent={0}")
    @CsvSource({"0", "0.0", "-0.00"})
    void zero_time_records_nothing(String hours) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            long id = node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/", "api", "update_ticket", "key", WRITE_KEY, "id", String.valueOf(id),
                        "time_spent", hours);

                assertThat(response.statusCode()).isEqualTo("OK");
                assertThat(timeEntries(node, id)).isEmpty();
            });
        }
    }

    @Test
    void unchanged_ticket_still_answers_ok() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            long id = node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/", "api", "update_ticket", "key", WRITE_KEY, "id", String.valueOf(id),
                        "status", "New");

                assertThat(response.message()).isEqualTo("Ticket updated.");
                assertThat(node.wiring.tickets.show(node.admin(), id).changes()).isEmpty();
            });
        }
    }

    @ParameterizedTest(name = "time_spent={0}")
    @CsvSource({"1e999999999", "1e50000000", "1e-50000000", "0.000000000000000000001", "1e3", "1.234", "0x10", "NaN", "99.01", "-100"})
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void invalid_time_is_rejected(String hours) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            long id = node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/", "api", "update_ticket", "key", WRITE_KEY, "id", String.valueOf(id),
                        "time_spent", hours);

                assertThat(response.message()).isEqualTo("Invalid 'time_spent' value.");
                assertThat(response.statusCode()).isEqualTo("ERR_INVALID_ARGUMENT");
                assertThat(timeEntries(node, id)).isEmpty();
            });
        }
    }

    @Test
    void impersonated_manager_updates_ticket() {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of("api_imp", "on"))) {
            Product product = node.product("Laptops", "Public");
            long id = node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
            node.user("mona", 3);
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/", "api", "update_ticket", "key", WRITE_KEY, "id", String.valueOf(id),
                        "status", "Open", "from_user", "mona");

                assertThat(response.statusCode()).isEqualTo("OK");
                TicketDetails details = node.wiring.tickets.show(node.admin(), id);
                assertThat(details.ticket().status()).isEqualTo("Open");
                assertThat(details.changes().get(0).userName()).isEqualTo("mona");
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "level 2 user  | lena",
        "disabled user | dina",
        "unknown user  | nobody",
        "built-in api  | api",
    })
    void impersonation_rejects_unfit_user(String label, String fromUser) {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of("api_imp", "on"))) {
            Product product = node.product("Laptops", "Public");
            long id = node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
            node.user("lena", 2);
            long dina = node.user("dina", 3).id();
            node.wiring.database.write().useHandle(handle -> handle.execute("UPDATE users SET disabled = 1 WHERE id = ?", dina));
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/", "api", "update_ticket", "key", WRITE_KEY, "id", String.valueOf(id),
                        "status", "Open", "from_user", fromUser);

                assertThat(response.message()).isEqualTo("Invalid 'from_user' value.");
                assertThat(response.statusCode()).isEqualTo("ERR_INVALID_ARGUMENT");
                assertThat(node.wiring.tickets.findVisible(node.admin(), id).status()).isEqualTo("New");
            });
        }
    }

    static Stream<Arguments> invalidRequests() {
        List<String> valid = List.of("id", TICKET, "key", WRITE_KEY);
        return Stream.of(
                Arguments.of("nothing", List.of(), "Missing 'id' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of("zero id", List.of("id", "0", "key", WRITE_KEY), "Missing 'id' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of("empty id", List.of("id", "", "key", WRITE_KEY), "Missing 'id' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of("no key", List.of("id", TICKET, "status", "Bogus"), "Missing 'key' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of("wrong key", List.of("id", TICKET, "key", "wrong", "status", "Bogus"), "Invalid 'key' value.", "ERR_INVALID_KEY"),
                Arguments.of("read key", List.of("id", TICKET, "key", READ_KEY), "Invalid 'key' value.", "ERR_INVALID_KEY"),
                Arguments.of("impersonation off", with(valid, "from_user", "admin", "status", "Bogus"),
                        "User impersonation is not on.", "ERR_INVALID_ARGUMENT"),
                Arguments.of("status in lower case", with(valid, "status", "closed"), "Invalid 'status' value.", "ERR_INVALID_ARGUMENT"),
                Arguments.of("unknown status", with(valid, "status", "Done", "priority", "Urgent"), "Invalid 'status' value.",
                        "ERR_INVALID_ARGUMENT"),
                Arguments.of("unknown priority", with(valid, "priority", "Urgent", "time_spent", "x"), "Invalid 'priority' value.",
                        "ERR_INVALID_ARGUMENT"),
                Arguments.of("time not a number", with(valid, "time_spent", "two"), "Invalid 'time_spent' value.", "ERR_INVALID_ARGUMENT"),
                Arguments.of("time over 99 hours", with(valid, "time_spent", "169"), "Invalid 'time_spent' value.", "ERR_INVALID_ARGUMENT"),
                Arguments.of("unknown ticket after checks", List.of("id", "999", "key", WRITE_KEY, "status", "Bogus"),
                        "Invalid 'status' value.", "ERR_INVALID_ARGUMENT"),
                Arguments.of("unknown ticket", List.of("id", "999", "key", WRITE_KEY, "status", "Open"), "Ticket not found.", "ERR_INVALID_ID"),
                Arguments.of("id not a number", List.of("id", "abc", "key", WRITE_KEY, "status", "Open"), "Ticket not found.", "ERR_INVALID_ID"),
                Arguments.of("long resolution", with(valid, "resolution", "r".repeat(2_001)),
                        "Bad length for 'resolution' argument (at most 2000 characters).", "ERR_ARGUMENT_LENGTH"),
                Arguments.of("long summary", with(valid, "summary", "s".repeat(10_001)),
                        "Bad length for 'summary' argument (at most 10000 characters).", "ERR_ARGUMENT_LENGTH"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void invalid_request_changes_nothing(String label, List<String> parameters, String message, String code) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            long id = node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
            List<String> request = new ArrayList<>(List.of("api", "update_ticket"));
            parameters.forEach(value -> request.add(value.equals(TICKET) ? String.valueOf(id) : value));
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.post("/nodepoint/", request.toArray(String[]::new));

                assertThat(response.status()).isEqualTo(200);
                assertThat(response.message()).isEqualTo(message);
                assertThat(response.statusCode()).isEqualTo(code);
                Ticket ticket = node.wiring.tickets.findVisible(node.admin(), id);
                assertThat(ticket.updatedAt()).isNull();
                assertThat(timeEntries(node, id)).isEmpty();
            });
        }
    }

    private static List<Integer> timeEntries(TestNodePoint node, long ticketId) {
        return node.wiring.database.read().withHandle(handle -> handle
                .createQuery("SELECT hundredths FROM time_entries WHERE ticket_id = :ticketId ORDER BY id")
                .bind("ticketId", ticketId).mapTo(Integer.class).list());
    }

    private static List<String> with(List<String> namesAndValues, String... more) {
        List<String> copy = new ArrayList<>(namesAndValues);
        copy.addAll(List.of(more));
        return copy;
    }
}
