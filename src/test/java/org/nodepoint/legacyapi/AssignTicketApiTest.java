package org.nodepoint.legacyapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.SystemLogTable.LOOPBACK;
import static org.nodepoint.testing.SystemLogTable.rows;
import static org.nodepoint.testing.SystemLogTable.signedInAdmin;
import static org.nodepoint.testing.TestNodePoint.READ_KEY;
import static org.nodepoint.testing.TestNodePoint.WRITE_KEY;

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
import org.junit.jupiter.params.provider.MethodSource;
import org.nodepoint.config.Settings;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.SystemLogTable.Row;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.tickets.TicketChange;
import org.nodepoint.tickets.TicketDetails;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;

/**
 * The assign_ticket call. Parameters are checked in the order id, key, from_user, user, and then
 * the ticket and the user must exist. The user must be enabled and at level 3 or higher.
 */
class AssignTicketApiTest {
    /** Stands for the id of the ticket that each test creates first. */
    private static final String TICKET = "$ticket";
    private static final String UPDATED = "{\n \"message\": \"Ticket updated.\",\n \"status\": \"OK\"\n}\n";

    @TempDir
    Path folder;

    @Test
    void assignment_is_stored_with_exact_answer() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            long id = ticket(node);
            node.user("uma", Level.TICKETS_MANAGEMENT);
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.post("/nodepoint/", "api", "assign_ticket", "key", WRITE_KEY, "id", String.valueOf(id),
                        "user", "uma");

                assertThat(response.bytes()).isEqualTo(UPDATED.getBytes(StandardCharsets.UTF_8));
                TicketDetails details = node.wiring.tickets.show(node.admin(), id);
                assertThat(details.assignees()).containsExactly("uma");
                assertThat(details.ticket().updatedAt()).isNotNull();
                assertThat(details.changes()).hasSize(1);
                assertThat(details.changes().get(0).userName()).isEqualTo("api");
                assertThat(details.changes().get(0).fields()).containsExactly(new TicketChange.FieldChange("assignees", "", "uma"));
            });
        }
    }

    @Test
    void assignee_shows_in_show_ticket() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            long id = ticket(node);
            node.user("uma", Level.TICKETS_MANAGEMENT);
            node.user("asha", Level.PROJECTS_MANAGEMENT);
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                api.get("/", "api", "assign_ticket", "key", WRITE_KEY, "id", String.valueOf(id), "user", "uma");
                api.get("/", "api", "assign_ticket", "key", WRITE_KEY, "id", String.valueOf(id), "user", "asha");
                ApiClient.Response ticket = api.get("/", "api", "show_ticket", "key", READ_KEY, "id", String.valueOf(id));

                assertThat(ticket.json().path("assigned_to").asText()).isEqualTo("asha uma");
            });
        }
    }

    @Test
    void repeated_assignment_adds_no_duplicate() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            long id = ticket(node);
            node.user("uma", Level.TICKETS_MANAGEMENT);
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                api.post("/", "api", "assign_ticket", "key", WRITE_KEY, "id", String.valueOf(id), "user", "uma");
                ApiClient.Response again = api.post("/", "api", "assign_ticket", "key", WRITE_KEY, "id", String.valueOf(id), "user", "UMA");

                assertThat(again.bytes()).isEqualTo(UPDATED.getBytes(StandardCharsets.UTF_8));
                assertThat(node.wiring.tickets.show(node.admin(), id).assignees()).containsExactly("uma");
                assertThat(node.wiring.tickets.show(node.admin(), id).changes()).hasSize(1);
            });
        }
    }

    @Test
    void user_name_drops_other_characters() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            long id = ticket(node);
            node.user("uma.lee", Level.TICKETS_MANAGEMENT);
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.post("/", "api", "assign_ticket", "key", WRITE_KEY, "id", String.valueOf(id),
                        "user", "uma .lee!");

                assertThat(response.statusCode()).isEqualTo("OK");
                assertThat(node.wiring.tickets.show(node.admin(), id).assignees()).containsExactly("uma.lee");
            });
        }
    }

    @Test
    void impersonated_user_is_recorded_as_editor() {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of(Settings.API_IMPERSONATION, "on"))) {
            long id = ticket(node);
            node.user("uma", Level.TICKETS_MANAGEMENT);
            node.user("asha", Level.PROJECTS_MANAGEMENT);
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.post("/", "api", "assign_ticket", "key", WRITE_KEY, "id", String.valueOf(id),
                        "user", "asha", "from_user", "uma");
                List<Row> log = rows(signedInAdmin(client.getOrigin()));

                assertThat(response.statusCode()).isEqualTo("OK");
                assertThat(node.wiring.tickets.show(node.admin(), id).changes().get(0).userName()).isEqualTo("uma");
                assertThat(log.get(0).category()).isEqualTo("API");
                assertThat(log.get(0).actor()).isEqualTo("uma");
                assertThat(log.get(0).message()).matches("assign_ticket with the write key from " + LOOPBACK
                        + " as uma \\(from_user\\): user asha on ticket " + id);
            });
        }
    }

    @Test
    void write_is_recorded_in_system_log() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            long id = ticket(node);
            node.user("uma", Level.TICKETS_MANAGEMENT);
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                api.post("/", "api", "assign_ticket", "key", WRITE_KEY, "id", String.valueOf(id), "user", "uma");
                List<Row> log = rows(signedInAdmin(client.getOrigin()));

                assertThat(log).hasSize(1);
                assertThat(log.get(0).actor()).matches(LOOPBACK);
                assertThat(log.get(0).message()).matches("assign_ticket with the write key from " + LOOPBACK + ": user uma on ticket " + id);
            });
        }
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of("nothing", List.of(), "Missing 'id' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of("zero id", List.of("id", "0", "key", WRITE_KEY, "user", "uma"), "Missing 'id' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of("no key", List.of("id", TICKET, "user", "uma"), "Missing 'key' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of("wrong key", List.of("id", TICKET, "key", "wrong", "user", "uma"), "Invalid 'key' value.", "ERR_INVALID_KEY"),
                Arguments.of("read key", List.of("id", TICKET, "key", READ_KEY, "user", "uma"), "Invalid 'key' value.", "ERR_INVALID_KEY"),
                Arguments.of("impersonation off", List.of("id", TICKET, "key", WRITE_KEY, "from_user", "uma", "user", "uma"),
                        "User impersonation is not on.", "ERR_INVALID_ARGUMENT"),
                Arguments.of("no user", List.of("id", TICKET, "key", WRITE_KEY), "Missing 'user' value.", "ERR_INVALID_ARGUMENT"),
                Arguments.of("empty user", List.of("id", TICKET, "key", WRITE_KEY, "user", ""), "Missing 'user' value.", "ERR_INVALID_ARGUMENT"),
                Arguments.of("user of dropped characters", List.of("id", TICKET, "key", WRITE_KEY, "user", "!! ??"), "Missing 'user' value.",
                        "ERR_INVALID_ARGUMENT"),
                Arguments.of("unknown ticket", List.of("id", "999", "key", WRITE_KEY, "user", "uma"), "Ticket not found.", "ERR_INVALID_ID"),
                Arguments.of("unknown user", List.of("id", TICKET, "key", WRITE_KEY, "user", "nobody"),
                        "Invalid 'user' value (no enabled user has this name).", "ERR_INVALID_ARGUMENT"),
                Arguments.of("disabled user", List.of("id", TICKET, "key", WRITE_KEY, "user", "olga"),
                        "Invalid 'user' value (no enabled user has this name).", "ERR_INVALID_ARGUMENT"),
                Arguments.of("built-in user", List.of("id", TICKET, "key", WRITE_KEY, "user", "api"),
                        "Invalid 'user' value (no enabled user has this name).", "ERR_INVALID_ARGUMENT"),
                Arguments.of("level 2 user", List.of("id", TICKET, "key", WRITE_KEY, "user", "fred"),
                        "Invalid 'user' value (only users of access level 3 and up can be assigned).", "ERR_INVALID_ARGUMENT"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void invalid_request_assigns_nobody(String label, List<String> parameters, String message, String code) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            long id = ticket(node);
            node.user("uma", Level.TICKETS_MANAGEMENT);
            node.user("fred", Level.RESTRICTED_VIEW);
            User olga = node.user("olga", Level.TICKETS_MANAGEMENT);
            node.wiring.database.write().useHandle(handle -> handle.execute("UPDATE users SET disabled = 1 WHERE id = ?", olga.id()));
            List<String> request = new ArrayList<>(List.of("api", "assign_ticket"));
            parameters.forEach(value -> request.add(value.equals(TICKET) ? String.valueOf(id) : value));
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.post("/nodepoint/", request.toArray(String[]::new));

                assertThat(response.status()).isEqualTo(200);
                assertThat(response.message()).isEqualTo(message);
                assertThat(response.statusCode()).isEqualTo(code);
                assertThat(node.wiring.tickets.show(node.admin(), id).assignees()).isEmpty();
                assertThat(node.wiring.systemLog.newest(0, 10)).isEmpty();
            });
        }
    }

    @Test
    void low_level_impersonation_is_rejected() {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of(Settings.API_IMPERSONATION, "on"))) {
            long id = ticket(node);
            node.user("uma", Level.TICKETS_MANAGEMENT);
            node.user("fred", Level.RESTRICTED_VIEW);
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.post("/", "api", "assign_ticket", "key", WRITE_KEY, "id", String.valueOf(id),
                        "user", "uma", "from_user", "fred");

                assertThat(response.message()).isEqualTo("Invalid 'from_user' value.");
                assertThat(response.statusCode()).isEqualTo("ERR_INVALID_ARGUMENT");
                assertThat(node.wiring.tickets.show(node.admin(), id).assignees()).isEmpty();
            });
        }
    }

    private static long ticket(TestNodePoint node) {
        Product product = node.product("Laptops", "Public");
        return node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
    }
}
