package org.nodepoint.legacyapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.READ_KEY;
import static org.nodepoint.testing.TestNodePoint.WRITE_KEY;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nodepoint.events.Origin;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.tickets.TicketUpdate;
import org.nodepoint.tickets.TimeEntry;
import org.nodepoint.users.Level;

/** The show_time call: the time entries of one ticket, id checked before the read key. */
class ShowTimeApiTest {
    @TempDir
    Path folder;

    @Test
    void entries_have_exact_layout() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            long id = node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
            node.user("mona", Level.TICKETS_MANAGEMENT);
            node.wiring.tickets.update(node.viewer(node.wiring.users.findByName("mona").orElseThrow()), id,
                    new TicketUpdate(null, null, null, null, null, null, "Replaced the cable", "2"), Origin.WEB);
            node.wiring.tickets.update(node.admin(), id, new TicketUpdate(null, null, null, null, null, null, "", "2,5"), Origin.WEB);
            node.wiring.tickets.update(node.admin(), id, new TicketUpdate(null, null, null, null, null, null, "", "-0.25"), Origin.WEB);
            List<TimeEntry> entries = node.wiring.timeTracking.breakdown(node.admin(), id).entries();
            String expected = """
                    {
                     "message": "Time tracking.",
                     "status": "OK",
                     "time": [
                      {
                       "name": "mona",
                       "hours": "2",
                       "date": "%s"
                      },
                      {
                       "name": "admin",
                       "hours": "2.5",
                       "date": "%s"
                      },
                      {
                       "name": "admin",
                       "hours": "-0.25",
                       "date": "%s"
                      }
                     ]
                    }
                    """.formatted(ApiClient.ctime(entries.get(0).createdAt()), ApiClient.ctime(entries.get(1).createdAt()),
                    ApiClient.ctime(entries.get(2).createdAt()));
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/nodepoint/", "api", "show_time", "id", String.valueOf(id), "key", READ_KEY);

                assertThat(response.status()).isEqualTo(200);
                assertThat(response.mediaType()).isEqualTo("text/plain");
                assertThat(response.body()).isEqualTo(expected);
                assertThat(response.bytes()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
            });
        }
    }

    @Test
    void ticket_without_time_has_empty_list() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            long id = node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
            String expected = "{\n \"message\": \"Time tracking.\",\n \"status\": \"OK\",\n \"time\": [\n\n ]\n}\n";
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.post("/", "api", "show_time", "id", String.valueOf(id), "key", READ_KEY);

                assertThat(response.bytes()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
            });
        }
    }

    @Test
    void update_ticket_time_spent_shows_exactly() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            long id = node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response updated = api.post("/", "api", "update_ticket", "key", WRITE_KEY, "id", String.valueOf(id),
                        "time_spent", "2.5");
                ApiClient.Response time = api.get("/nodepoint/", "api", "show_time", "id", String.valueOf(id), "key", READ_KEY);

                assertThat(updated.statusCode()).isEqualTo("OK");
                assertThat(time.json().path("time")).hasSize(1);
                assertThat(time.json().path("time").get(0).path("name").asText()).isEqualTo("api");
                assertThat(time.json().path("time").get(0).path("hours").asText()).isEqualTo("2.5");
            });
        }
    }

    @Test
    void ticket_of_restricted_product_is_shown() {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of("default_vis", "Restricted"))) {
            Product product = node.product("Servers", "Restricted");
            long id = node.ticket(node.admin(), product, "Disk full", "On node 3");
            node.wiring.tickets.update(node.admin(), id, new TicketUpdate(null, null, null, null, null, null, "", "0.5"), Origin.WEB);
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/", "api", "show_time", "id", String.valueOf(id), "key", READ_KEY);

                assertThat(response.message()).isEqualTo("Time tracking.");
                assertThat(response.json().path("time").get(0).path("hours").asText()).isEqualTo("0.5");
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "nothing           | NONE | NONE   | Missing 'id' argument.  | ERR_MISSING_ARGUMENT",
        "no id, wrong key  | NONE | wrong  | Missing 'id' argument.  | ERR_MISSING_ARGUMENT",
        "zero id           | 0    | $read  | Missing 'id' argument.  | ERR_MISSING_ARGUMENT",
        "no key            | 1    | NONE   | Missing 'key' argument. | ERR_MISSING_ARGUMENT",
        "unknown id no key | 999  | NONE   | Missing 'key' argument. | ERR_MISSING_ARGUMENT",
        "wrong key         | 1    | wrong  | Invalid 'key' value.    | ERR_INVALID_KEY",
        "write key         | 1    | $write | Invalid 'key' value.    | ERR_INVALID_KEY",
        "unknown id        | 999  | $read  | Ticket not found.       | ERR_INVALID_ID",
        "id not a number   | abc  | $read  | Ticket not found.       | ERR_INVALID_ID",
    })
    void invalid_request_is_rejected(String label, String id, String key, String message, String code) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            long ticket = node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
            node.wiring.tickets.update(node.admin(), ticket, new TicketUpdate(null, null, null, null, null, null, "", "1"), Origin.WEB);
            List<String> request = new ArrayList<>(List.of("api", "show_time"));
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
                assertThat(response.json().has("time")).isFalse();
            });
        }
    }
}
