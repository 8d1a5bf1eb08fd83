package org.nodepoint.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.billing.BillingLine;
import org.nodepoint.clients.Client;
import org.nodepoint.config.Settings;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;

/** The client field of custom forms: the clients it offers, the check of the choice, and the billing it sets. */
class ClientFieldFilingTest {
    @TempDir
    Path folder;

    private TestNodePoint node;
    private Product printers;
    private TicketForm form;
    private Client acme;
    private Client closed;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder, Map.of(Settings.TICKET_VISIBILITY, "Public"));
        printers = node.product("Printers", "Public");
        node.user("reporter", Level.AUTHORIZED);
        acme = node.client("Acme", "Paid");
        closed = node.client("Gone Ltd", "Closed");
        node.client("Bolt", "Prospect");
        form = node.form("Client form", FieldType.CLIENT);
        node.wiring.forms.assign(node.admin(), form.id(), printers.id());
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void filing_page_offers_clients_that_are_not_closed() {
        node.http((server, client) -> {
            Browser reporter = signedIn(client.getOrigin(), "reporter");

            Document page = Jsoup.parse(reporter.get("/tickets/new?product=" + printers.id()).body());

            assertThat(page.select("select#answer1 option").eachText()).containsExactly("Choose…", "Acme", "Bolt");
            assertThat(page.select("select#answer1 option").eachAttr("value")).doesNotContain(String.valueOf(closed.id()));
        });
    }

    @Test
    void chosen_client_is_answered_by_name_and_billed() {
        node.http((server, client) -> {
            Browser reporter = signedIn(client.getOrigin(), "reporter");
            reporter.get("/tickets/new?product=" + printers.id());

            Browser.Page created = reporter.post("/tickets", filing(String.valueOf(acme.id())));

            assertThat(created.status()).isEqualTo(302);
            long id = Long.parseLong(created.location().substring(created.location().lastIndexOf('/') + 1));
            assertThat(node.wiring.formAnswers.list(node.admin(), id)).containsExactly(new TicketAnswer(1, "client", "client", "Acme", null));
            assertThat(billedTicketIds(acme)).containsExactly(id);
            Document ticketPage = Jsoup.parse(reporter.get("/tickets/" + id).body());
            assertThat(ticketPage.select("dl.ticket-answers dd").text()).isEqualTo("Acme");
        });
    }

    @Test
    void closed_client_answer_is_rejected() {
        node.http((server, client) -> {
            Browser reporter = signedIn(client.getOrigin(), "reporter");
            reporter.get("/tickets/new?product=" + printers.id());

            Browser.Page closedChoice = reporter.post("/tickets", filing(String.valueOf(closed.id())));
            Browser.Page unknownChoice = reporter.post("/tickets", filing("Acme"));

            assertThat(closedChoice.status()).isEqualTo(422);
            assertThat(Jsoup.parse(closedChoice.body()).select("#answer1-error").text())
                    .isEqualTo("client: choose one of the listed clients. Closed clients take no new tickets.");
            assertThat(unknownChoice.status()).isEqualTo(422);
            assertThat(Jsoup.parse(unknownChoice.body()).select("#title").val()).isEqualTo("Paper jam");
            assertThat(ticketCount()).isZero();
            assertThat(billedTicketIds(closed)).isEmpty();
        });
    }

    /** Filing checks the client again in its transaction, so that one closed after the answers were checked takes no ticket. */
    @Test
    void new_ticket_billing_rechecks_client() {
        long ticket = node.ticket(node.admin(), printers, "Paper jam", "Tray 2 jams");
        long adminId = node.admin().userId();

        boolean closedBilled = node.wiring.database.write().inTransaction(handle ->
                node.wiring.billing.billNewTicket(handle, ticket, closed.id(), adminId));
        boolean openBilled = node.wiring.database.write().inTransaction(handle ->
                node.wiring.billing.billNewTicket(handle, ticket, acme.id(), adminId));

        assertThat(closedBilled).isFalse();
        assertThat(billedTicketIds(closed)).isEmpty();
        assertThat(openBilled).isTrue();
        assertThat(billedTicketIds(acme)).containsExactly(ticket);
    }

    @Test
    void billing_off_stores_answer_only() {
        node.set("comp_billing", "off");
        node.http((server, client) -> {
            Browser reporter = signedIn(client.getOrigin(), "reporter");
            reporter.get("/tickets/new?product=" + printers.id());

            Browser.Page created = reporter.post("/tickets", filing(String.valueOf(acme.id())));

            assertThat(created.status()).isEqualTo(302);
            long id = Long.parseLong(created.location().substring(created.location().lastIndexOf('/') + 1));
            assertThat(node.wiring.formAnswers.list(node.admin(), id)).extracting(TicketAnswer::value).containsExactly("Acme");
            assertThat(billedTicketIds(acme)).isEmpty();
        });
    }

    private Map<String, String> filing(String clientAnswer) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("productId", String.valueOf(printers.id()));
        fields.put("formId", String.valueOf(form.id()));
        fields.put("formVersion", String.valueOf(form.version()));
        fields.put("title", "Paper jam");
        fields.put("description", "Tray 2 jams");
        fields.put(AnswerSet.fieldName(1), clientAnswer);
        return fields;
    }

    private List<Long> billedTicketIds(Client client) {
        return node.wiring.billing.statement(node.admin(), client.id()).lines().stream().map(BillingLine::ticketId).toList();
    }

    private long ticketCount() {
        return node.wiring.database.read().withHandle(handle -> handle.createQuery("SELECT count(*) FROM tickets").mapTo(Long.class).one());
    }

    private static Browser signedIn(String origin, String name) {
        Browser browser = new Browser(origin);
        assertThat(browser.signIn(name, TestNodePoint.PASSWORD).status()).isEqualTo(302);
        browser.get("/");
        return browser;
    }
}
