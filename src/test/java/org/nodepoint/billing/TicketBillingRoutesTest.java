package org.nodepoint.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.clients.Client;
import org.nodepoint.clients.ClientForm;
import org.nodepoint.config.Settings;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;

/** The billing panel of the ticket page: which client a ticket is billable to, and the rule on Closed clients. */
class TicketBillingRoutesTest {
    @TempDir
    Path folder;

    private TestNodePoint node;
    private Client acme;
    private Client closed;
    private long ticket;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder, Map.of(Settings.TICKET_VISIBILITY, "Public"));
        node.user("reader", Level.RESTRICTED_VIEW);
        node.user("staff", Level.TICKETS_MANAGEMENT);
        Product product = node.product("Service desk", "Public");
        acme = node.client("Acme", "Paid");
        closed = node.client("Gone Ltd", "Closed");
        ticket = node.ticket(node.admin(), product, "Printer jams", "Every page");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void staff_bills_ticket_to_a_client() {
        node.http((server, client) -> {
            Browser staff = signedIn(client.getOrigin(), "staff");
            Document before = Jsoup.parse(staff.get("/tickets/" + ticket).body());

            Browser.Page saved = staff.post("/tickets/" + ticket + "/billing", Map.of("clientId", String.valueOf(acme.id())));

            assertThat(before.select("#clientId option").eachText()).containsExactly("No client", "Acme");
            assertThat(saved.status()).isEqualTo(302);
            assertThat(saved.location()).isEqualTo("/tickets/" + ticket + "#billing");
            Document after = Jsoup.parse(staff.get("/tickets/" + ticket).body());
            assertThat(after.select(".alert-success").text()).isEqualTo("The ticket is now billable to Acme.");
            assertThat(after.select("#clientId option[selected]").text()).isEqualTo("Acme");
            assertThat(billedTicketIds(acme)).containsExactly(ticket);
        });
    }

    @Test
    void closed_client_is_rejected() {
        node.http((server, client) -> {
            Browser staff = signedIn(client.getOrigin(), "staff");
            staff.get("/tickets/" + ticket);

            Browser.Page refused = staff.post("/tickets/" + ticket + "/billing", Map.of("clientId", String.valueOf(closed.id())));

            assertThat(refused.status()).isEqualTo(422);
            assertThat(Jsoup.parse(refused.body()).select("#clientId-error").text())
                    .isEqualTo("Client Gone Ltd is Closed, so no new ticket can be billed to it. Choose another client.");
            assertThat(billedTicketIds(closed)).isEmpty();
        });
    }

    @Test
    void billing_stays_when_the_client_closes_later() {
        node.wiring.billing.billTicket(node.admin(), ticket, acme.id());
        node.wiring.clients.update(node.admin(), acme.id(), acme.version(), new ClientForm("Acme", "Closed", "", ""));
        node.http((server, client) -> {
            Browser staff = signedIn(client.getOrigin(), "staff");
            Document page = Jsoup.parse(staff.get("/tickets/" + ticket).body());

            Browser.Page resaved = staff.post("/tickets/" + ticket + "/billing", Map.of("clientId", String.valueOf(acme.id())));

            assertThat(page.select("#clientId option[selected]").text()).isEqualTo("Acme (Closed)");
            assertThat(resaved.status()).isEqualTo(302);
            assertThat(billedTicketIds(acme)).containsExactly(ticket);
        });
    }

    @Test
    void empty_choice_clears_the_billing() {
        node.wiring.billing.billTicket(node.admin(), ticket, acme.id());
        node.http((server, client) -> {
            Browser staff = signedIn(client.getOrigin(), "staff");
            staff.get("/tickets/" + ticket);

            Browser.Page cleared = staff.post("/tickets/" + ticket + "/billing", Map.of("clientId", ""));

            assertThat(cleared.status()).isEqualTo(302);
            assertThat(billedTicketIds(acme)).isEmpty();
        });
    }

    @Test
    void unknown_client_is_rejected() {
        node.wiring.billing.billTicket(node.admin(), ticket, acme.id());
        node.http((server, client) -> {
            Browser staff = signedIn(client.getOrigin(), "staff");
            staff.get("/tickets/" + ticket);

            Browser.Page text = staff.post("/tickets/" + ticket + "/billing", Map.of("clientId", "acme"));
            Browser.Page missing = staff.post("/tickets/" + ticket + "/billing", Map.of("clientId", "999"));

            assertThat(text.status()).isEqualTo(422);
            assertThat(Jsoup.parse(text.body()).select("#clientId-error").text()).isEqualTo("Client must be one of the listed clients.");
            assertThat(missing.status()).isEqualTo(422);
            assertThat(billedTicketIds(acme)).containsExactly(ticket);
        });
    }

    @Test
    void panel_needs_level_three_and_the_components() {
        node.http((server, client) -> {
            Browser reader = signedIn(client.getOrigin(), "reader");
            Browser staff = signedIn(client.getOrigin(), "staff");

            Document readerPage = Jsoup.parse(reader.get("/tickets/" + ticket).body());
            Browser.Page denied = reader.post("/tickets/" + ticket + "/billing", Map.of("clientId", String.valueOf(acme.id())));
            node.set("comp_billing", "off");
            Document withoutBilling = Jsoup.parse(staff.get("/tickets/" + ticket).body());
            Browser.Page billingOff = staff.post("/tickets/" + ticket + "/billing", Map.of("clientId", String.valueOf(acme.id())));
            node.set("comp_billing", "on");
            node.set("comp_clients", "off");
            Browser.Page clientsOff = staff.post("/tickets/" + ticket + "/billing", Map.of("clientId", String.valueOf(acme.id())));

            assertThat(readerPage.select("#billing")).isEmpty();
            assertThat(denied.status()).isEqualTo(403);
            assertThat(withoutBilling.select("#billing")).isEmpty();
            assertThat(billingOff.status()).isEqualTo(404);
            assertThat(clientsOff.status()).isEqualTo(404);
            assertThat(billedTicketIds(acme)).isEmpty();
        });
    }

    private List<Long> billedTicketIds(Client client) {
        return node.wiring.billing.statement(node.admin(), client.id()).lines().stream().map(BillingLine::ticketId).toList();
    }

    private static Browser signedIn(String origin, String name) {
        Browser browser = new Browser(origin);
        assertThat(browser.signIn(name, TestNodePoint.PASSWORD).status()).isEqualTo(302);
        browser.get("/");
        return browser;
    }
}
