package org.nodepoint.legacyapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.READ_KEY;
import static org.nodepoint.testing.TestNodePoint.WRITE_KEY;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nodepoint.clients.Client;
import org.nodepoint.clients.ClientForm;
import org.nodepoint.syslog.LogCategory;
import org.nodepoint.syslog.LogEntry;
import org.nodepoint.testing.TestNodePoint;

/** The list_clients and add_client calls: exact bodies, the order of checks, and the statuses add_client accepts. */
class ClientApiTest {
    private static final String CLOSED_MESSAGE = "Invalid 'status' value. Must be one of: Prospect, Contact, Supplier, Paid, Unpaid.";

    @TempDir
    Path folder;

    @Test
    void list_clients_has_exact_layout() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Client acme = node.wiring.clients.create(node.admin(), new ClientForm("Acme \"Corp\"", "Paid", "ops@acme.example",
                    "Pays late.\nCall first."));
            Client bolt = node.client("Bolt", "Closed");
            String expected = """
                    {
                     "message": "Clients list.",
                     "status": "OK",
                     "clients": [
                      {
                       "id": "%d",
                       "name": "Acme \\"Corp\\"",
                       "status": "Paid",
                       "contact": "ops@acme.example",
                       "notes": "Pays late.\\nCall first."
                      },
                      {
                       "id": "%d",
                       "name": "Bolt",
                       "status": "Closed",
                       "contact": "",
                       "notes": ""
                      }
                     ]
                    }
                    """.formatted(acme.id(), bolt.id());
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/nodepoint/", "api", "list_clients", "key", READ_KEY);

                assertThat(response.status()).isEqualTo(200);
                assertThat(response.mediaType()).isEqualTo("text/plain");
                assertThat(response.bytes()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
            });
        }
    }

    @Test
    void empty_directory_lists_no_clients() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            String expected = "{\n \"message\": \"Clients list.\",\n \"status\": \"OK\",\n \"clients\": [\n\n ]\n}\n";
            node.http((server, client) -> {
                ApiClient.Response response = new ApiClient(client.getOrigin()).post("/", "api", "list_clients", "key", READ_KEY);

                assertThat(response.body()).isEqualTo(expected);
            });
        }
    }

    @Test
    void list_clients_needs_read_key() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response missing = api.get("/nodepoint/", "api", "list_clients");
                ApiClient.Response writeKey = api.get("/nodepoint/", "api", "list_clients", "key", WRITE_KEY);

                assertThat(missing.body()).isEqualTo("{\n \"message\": \"Missing 'key' argument.\",\n \"status\": \"ERR_MISSING_ARGUMENT\"\n}\n");
                assertThat(writeKey.body()).isEqualTo("{\n \"message\": \"Invalid 'key' value.\",\n \"status\": \"ERR_INVALID_KEY\"\n}\n");
            });
        }
    }

    @Test
    void add_client_stores_status_in_listed_spelling() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.post("/", "api", "add_client", "key", WRITE_KEY, "status", "uNPAID", "name", "Acme",
                        "contact", "ops@acme.example", "notes", "Net 30");

                assertThat(response.body()).isEqualTo("{\n \"message\": \"Client added.\",\n \"status\": \"OK\"\n}\n");
                Client stored = node.wiring.clients.findByName("Acme").orElseThrow();
                assertThat(stored.status()).isEqualTo("Unpaid");
                assertThat(stored.contact()).isEqualTo("ops@acme.example");
                assertThat(stored.notes()).isEqualTo("Net 30");
                List<LogEntry> log = node.wiring.systemLog.newest(0, 10);
                assertThat(log.get(0).category()).isEqualTo(LogCategory.API.storedValue());
                assertThat(log.get(0).message()).endsWith(": client " + stored.id()).doesNotContain(WRITE_KEY);
            });
        }
    }

    @Test
    void add_client_rejects_closed_with_original_message() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response closed = api.post("/", "api", "add_client", "key", WRITE_KEY, "status", "closed", "name", "Acme",
                        "contact", "x");

                assertThat(closed.body()).isEqualTo("{\n \"message\": \"" + CLOSED_MESSAGE + "\",\n \"status\": \"ERR_INVALID_ARGUMENT\"\n}\n");
                assertThat(node.wiring.clients.listAll()).isEmpty();
            });
        }
    }

    @Test
    void add_client_rejects_a_taken_name() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.client("Acme", "Paid");
            node.http((server, client) -> {
                ApiClient.Response taken = new ApiClient(client.getOrigin()).post("/", "api", "add_client", "key", WRITE_KEY,
                        "status", "Paid", "name", "ACME", "contact", "x");

                assertThat(taken.message()).isEqualTo("Invalid 'name' value (another client has this name).");
                assertThat(taken.statusCode()).isEqualTo("ERR_INVALID_ARGUMENT");
                assertThat(node.wiring.clients.listAll()).hasSize(1);
            });
        }
    }

    static Stream<Arguments> addClientChecks() {
        String longName = "n".repeat(101);
        return Stream.of(
                Arguments.of(List.of(), "Missing 'status' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of(List.of("key", "nope", "status", "Paid"), "Missing 'name' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of(List.of("status", "Paid", "name", "Acme"), "Missing 'contact' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of(List.of("status", "Paid", "name", "Acme", "contact", "0"), "Missing 'contact' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of(List.of("status", "Paid", "name", "Acme", "contact", "x"), "Missing 'key' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of(List.of("status", "Closed", "name", "Acme", "contact", "x", "key", READ_KEY), "Invalid 'key' value.",
                        "ERR_INVALID_KEY"),
                Arguments.of(List.of("status", "Friend", "name", "Acme", "contact", "x", "key", WRITE_KEY), CLOSED_MESSAGE,
                        "ERR_INVALID_ARGUMENT"),
                Arguments.of(List.of("status", "Paid", "name", longName, "contact", "x", "key", WRITE_KEY),
                        "Bad length for 'name' argument (between 1 and 100 characters).", "ERR_ARGUMENT_LENGTH"),
                Arguments.of(List.of("status", "Paid", "name", "Acme", "contact", "c".repeat(201), "key", WRITE_KEY),
                        "Bad length for 'contact' argument (at most 200 characters).", "ERR_ARGUMENT_LENGTH"),
                Arguments.of(List.of("status", "Paid", "name", "Acme", "contact", "x", "notes", "n".repeat(5_001), "key", WRITE_KEY),
                        "Bad length for 'notes' argument (at most 5000 characters).", "ERR_ARGUMENT_LENGTH"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("addClientChecks")
    void add_client_checks_in_original_order(List<String> parameters, String message, String status) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                String[] call = Stream.concat(Stream.of("api", "add_client"), parameters.stream()).toArray(String[]::new);

                ApiClient.Response response = new ApiClient(client.getOrigin()).post("/", call);

                assertThat(response.body()).isEqualTo("{\n \"message\": \"" + message + "\",\n \"status\": \"" + status + "\"\n}\n");
                assertThat(node.wiring.clients.listAll()).isEmpty();
            });
        }
    }
}
