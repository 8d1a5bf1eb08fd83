package org.nodepoint.legacyapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.READ_KEY;
import static org.nodepoint.testing.TestNodePoint.WRITE_KEY;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nodepoint.clients.Client;
import org.nodepoint.clients.ClientEvent;
import org.nodepoint.clients.EventForm;
import org.nodepoint.config.Settings;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;

/** The list_events and add_event calls: exact bodies, the order of checks and impersonation. */
class ClientEventApiTest {
    /** Stands for the id of the client that each test creates. */
    private static final String CLIENT = "$client";

    @TempDir
    Path folder;

    @Test
    void list_events_has_exact_layout() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Client acme = node.client("Acme", "Paid");
            User dana = node.user("dana", Level.RESTRICTED_VIEW);
            node.wiring.clientEvents.add(node.viewer(dana), acme.id(), new EventForm("phone", "Called about renewal", "Line one\nLine two"));
            node.wiring.clientEvents.addFromApi(node.admin(), acme.id(), new EventForm("Fax", "Faxed the contract", ""));
            List<ClientEvent> events = node.wiring.clientEvents.listAll(acme.id());
            String expected = """
                    {
                     "message": "Events list.",
                     "status": "OK",
                     "events": [
                      {
                       "id": "%d",
                       "user": "dana",
                       "type": "Phone call",
                       "summary": "Called about renewal",
                       "notes": "Line one\\nLine two",
                       "date": "%s"
                      },
                      {
                       "id": "%d",
                       "user": "admin",
                       "type": "Fax",
                       "summary": "Faxed the contract",
                       "notes": "",
                       "date": "%s"
                      }
                     ]
                    }
                    """.formatted(events.get(0).id(), ApiClient.ctime(events.get(0).createdAt()), events.get(1).id(),
                    ApiClient.ctime(events.get(1).createdAt()));
            node.http((server, client) -> {
                ApiClient.Response response = new ApiClient(client.getOrigin()).get("/nodepoint/", "api", "list_events",
                        "key", READ_KEY, "client_id", String.valueOf(acme.id()));

                assertThat(response.bytes()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
            });
        }
    }

    static Stream<Arguments> listEventsChecks() {
        return Stream.of(
                Arguments.of(List.of(), "Missing 'key' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of(List.of("key", "nope"), "Missing 'client_id' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of(List.of("key", "nope", "client_id", CLIENT), "Invalid 'key' value.", "ERR_INVALID_KEY"),
                Arguments.of(List.of("key", READ_KEY, "client_id", "9999"), "Client not found.", "ERR_INVALID_ID"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("listEventsChecks")
    void list_events_checks_in_original_order(List<String> parameters, String message, String status) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Client acme = node.client("Acme", "Paid");
            node.http((server, client) -> {
                ApiClient.Response response = new ApiClient(client.getOrigin()).get("/nodepoint/", call("list_events", parameters, acme));

                assertThat(response.body()).isEqualTo(envelope(message, status));
            });
        }
    }

    @Test
    void add_event_stores_event_as_api() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Client acme = node.client("Acme", "Paid");
            node.http((server, client) -> {
                ApiClient.Response response = new ApiClient(client.getOrigin()).post("/", "api", "add_event", "key", WRITE_KEY,
                        "client_id", String.valueOf(acme.id()), "type", "Phone call", "summary", "Called back", "notes", "Wants a quote");

                ClientEvent stored = node.wiring.clientEvents.listAll(acme.id()).get(0);
                assertThat(response.body()).isEqualTo(envelope("Event " + stored.id() + " added.", "OK"));
                assertThat(stored.createdByName()).isEqualTo("api");
                assertThat(stored.type()).isEqualTo("Phone call");
                assertThat(stored.summary()).isEqualTo("Called back");
                assertThat(stored.notes()).isEqualTo("Wants a quote");
                assertThat(node.wiring.systemLog.newest(0, 1).get(0).message()).endsWith(": event " + stored.id() + " of client " + acme.id());
            });
        }
    }

    static Stream<Arguments> addEventChecks() {
        return Stream.of(
                Arguments.of(List.of("key", WRITE_KEY, "client_id", CLIENT, "type", "Phone"), "Missing 'summary' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of(List.of("summary", "x", "client_id", CLIENT, "type", "Phone"), "Missing 'key' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of(List.of("summary", "x", "key", "nope", "type", "Phone"), "Missing 'client_id' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of(List.of("summary", "x", "key", "nope", "client_id", CLIENT), "Missing 'type' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of(List.of("summary", "x", "key", READ_KEY, "client_id", CLIENT, "type", "Phone", "from_user", "dana"),
                        "Invalid 'key' value.", "ERR_INVALID_KEY"),
                Arguments.of(List.of("summary", "x", "key", WRITE_KEY, "client_id", CLIENT, "type", "Phone", "from_user", "dana"),
                        "User impersonation is not on.", "ERR_INVALID_ARGUMENT"),
                Arguments.of(List.of("summary", "x", "key", WRITE_KEY, "client_id", "9999", "type", "Phone"), "Client not found.",
                        "ERR_INVALID_ID"),
                Arguments.of(List.of("summary", "s".repeat(201), "key", WRITE_KEY, "client_id", CLIENT, "type", "Phone"),
                        "Bad length for 'summary' argument (between 1 and 200 characters).", "ERR_ARGUMENT_LENGTH"),
                Arguments.of(List.of("summary", "x", "key", WRITE_KEY, "client_id", CLIENT, "type", "t".repeat(51)),
                        "Bad length for 'type' argument (between 1 and 50 characters).", "ERR_ARGUMENT_LENGTH"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("addEventChecks")
    void add_event_checks_in_original_order(List<String> parameters, String message, String status) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Client acme = node.client("Acme", "Paid");
            node.user("dana", Level.RESTRICTED_VIEW);
            node.http((server, client) -> {
                ApiClient.Response response = new ApiClient(client.getOrigin()).post("/", call("add_event", parameters, acme));

                assertThat(response.body()).isEqualTo(envelope(message, status));
                assertThat(node.wiring.clientEvents.listAll(acme.id())).isEmpty();
            });
        }
    }

    @Test
    void from_user_needs_impersonation_and_the_events_level() {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of(Settings.API_IMPERSONATION, "on"))) {
            Client acme = node.client("Acme", "Paid");
            node.user("dana", Level.RESTRICTED_VIEW);
            node.user("lee", Level.AUTHORIZED);
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response asDana = api.post("/", "api", "add_event", "key", WRITE_KEY, "client_id", String.valueOf(acme.id()),
                        "type", "Visit", "summary", "Visited the office", "from_user", "Dana");
                ApiClient.Response asLee = api.post("/", "api", "add_event", "key", WRITE_KEY, "client_id", String.valueOf(acme.id()),
                        "type", "Visit", "summary", "Visited too", "from_user", "lee");

                assertThat(asDana.statusCode()).isEqualTo("OK");
                assertThat(asLee.body()).isEqualTo(envelope("Invalid 'from_user' value.", "ERR_INVALID_ARGUMENT"));
                assertThat(node.wiring.clientEvents.listAll(acme.id())).extracting(ClientEvent::createdByName).containsExactly("dana");
            });
        }
    }

    private static String[] call(String name, List<String> parameters, Client acme) {
        return Stream.concat(Stream.of("api", name), parameters.stream().map(value -> value.equals(CLIENT) ? String.valueOf(acme.id()) : value))
                .toArray(String[]::new);
    }

    private static String envelope(String message, String status) {
        return "{\n \"message\": \"" + message + "\",\n \"status\": \"" + status + "\"\n}\n";
    }
}
