package org.nodepoint.legacyapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.READ_KEY;
import static org.nodepoint.testing.TestNodePoint.WRITE_KEY;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.billing.TermsForm;
import org.nodepoint.clients.Client;
import org.nodepoint.events.Origin;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.tickets.TicketUpdate;

/** The show_billing call: the client found by name, exact amounts printed as NodePoint 1.x printed numbers, and valid JSON. */
class ShowBillingApiTest {
    @TempDir
    Path folder;

    @Test
    void billing_has_exact_layout_and_amounts() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Client acme = node.client("Acme", "Paid");
            node.wiring.billing.updateTerms(node.admin(), acme.id(), new TermsForm("hourly", "12.50", "USD"));
            Product product = node.product("Service desk", "Public");
            long first = billed(node, product, acme, "1.25");
            long second = billed(node, product, acme, "0.1");
            long third = billed(node, product, acme, "-0.5");
            long fourth = billed(node, product, acme, "");
            String expected = """
                    {
                     "message": "Billing.",
                     "status": "OK",
                     "type": "Hourly",
                     "currency": "USD",
                     "cost": "12.5",
                     "billable": [
                      {
                       "ticket_id": "%d",
                       "hours": "1.25",
                       "cost": "15.63"
                      },
                      {
                       "ticket_id": "%d",
                       "hours": "0.1",
                       "cost": "1.25"
                      },
                      {
                       "ticket_id": "%d",
                       "hours": "-0.5",
                       "cost": "-6.25"
                      },
                      {
                       "ticket_id": "%d",
                       "hours": "0",
                       "cost": "0"
                      }
                     ],
                     "total": "10.63"
                    }
                    """.formatted(first, second, third, fourth);
            node.http((server, client) -> {
                ApiClient.Response response = new ApiClient(client.getOrigin()).get("/nodepoint/", "api", "show_billing",
                        "client", "acme", "key", READ_KEY);

                assertThat(response.bytes()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
                assertThat(response.json().path("billable")).hasSize(4);
            });
        }
    }

    @Test
    void client_without_terms_or_tickets_shows_defaults() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.client("Acme", "Paid");
            String expected = "{\n \"message\": \"Billing.\",\n \"status\": \"OK\",\n \"type\": \"Hourly\",\n \"currency\": \"USD\",\n"
                    + " \"cost\": \"10\",\n \"billable\": [\n\n ],\n \"total\": \"0\"\n}\n";
            node.http((server, client) -> {
                ApiClient.Response response = new ApiClient(client.getOrigin()).post("/", "api", "show_billing", "client", "Acme",
                        "key", READ_KEY);

                assertThat(response.body()).isEqualTo(expected);
            });
        }
    }

    @Test
    void fixed_terms_bill_the_rate_per_ticket() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Client acme = node.client("Acme", "Paid");
            node.wiring.billing.updateTerms(node.admin(), acme.id(), new TermsForm("fixed", "99.90", "EUR"));
            Product product = node.product("Service desk", "Public");
            billed(node, product, acme, "2");
            billed(node, product, acme, "");
            node.http((server, client) -> {
                ApiClient.Response response = new ApiClient(client.getOrigin()).get("/nodepoint/", "api", "show_billing",
                        "client", "Acme", "key", READ_KEY);

                assertThat(response.json().path("type").asText()).isEqualTo("Fixed");
                assertThat(response.json().path("cost").asText()).isEqualTo("99.9");
                assertThat(response.json().path("billable").get(0).path("cost").asText()).isEqualTo("99.9");
                assertThat(response.json().path("total").asText()).isEqualTo("199.8");
            });
        }
    }

    @Test
    void errors_name_the_missing_or_unknown_client() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.client("Acme", "Paid");
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response noClient = api.get("/nodepoint/", "api", "show_billing", "key", "nope");
                ApiClient.Response noKey = api.get("/nodepoint/", "api", "show_billing", "client", "Acme");
                ApiClient.Response writeKey = api.get("/nodepoint/", "api", "show_billing", "client", "Nobody", "key", WRITE_KEY);
                ApiClient.Response unknown = api.get("/nodepoint/", "api", "show_billing", "client", "Nobody", "key", READ_KEY);

                assertThat(noClient.body()).isEqualTo(envelope("Missing 'client' argument.", "ERR_MISSING_ARGUMENT"));
                assertThat(noKey.body()).isEqualTo(envelope("Missing 'key' argument.", "ERR_MISSING_ARGUMENT"));
                assertThat(writeKey.body()).isEqualTo(envelope("Invalid 'key' value.", "ERR_INVALID_KEY"));
                assertThat(unknown.body()).isEqualTo(envelope("Client not found.", "ERR_INVALID_ID"));
            });
        }
    }

    /** Files a ticket with the given hours ("" for none), bills it to the client and returns its id. */
    private static long billed(TestNodePoint node, Product product, Client client, String hours) {
        long id = node.ticket(node.admin(), product, "Work", "For " + client.name());
        if (!hours.isEmpty()) {
            node.wiring.tickets.update(node.admin(), id, new TicketUpdate(null, null, null, null, null, null, "", hours), Origin.WEB);
        }
        node.wiring.billing.billTicket(node.admin(), id, client.id());
        return id;
    }

    private static String envelope(String message, String status) {
        return "{\n \"message\": \"" + message + "\",\n \"status\": \"" + status + "\"\n}\n";
    }
}
