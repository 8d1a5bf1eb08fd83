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
import org.nodepoint.config.Settings;
import org.nodepoint.events.Origin;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.SystemLogTable;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.tickets.TicketUpdate;
import org.nodepoint.users.Level;

/** The billing section of a client page: lines and total to the cent, default terms, and the terms form. */
class BillingStatementRoutesTest {
    @TempDir
    Path folder;

    private TestNodePoint node;
    private Product product;
    private Client acme;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder, Map.of(Settings.TICKET_VISIBILITY, "Public"));
        node.user("reader", Level.RESTRICTED_VIEW);
        node.user("manager", Level.USERS_MANAGEMENT);
        product = node.product("Service desk", "Public");
        acme = node.client("Acme", "Paid");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void hourly_total_matches_hand_calculation() {
        node.wiring.billing.updateTerms(node.admin(), acme.id(), new TermsForm("hourly", "12.50", "USD"));
        long first = billedTicket("Printer", "1.25");
        long second = billedTicket("Scanner", "0.1");
        long third = billedTicket("Refund", "-0.5");
        node.http((server, client) -> {
            Document page = Jsoup.parse(signedIn(client.getOrigin(), "reader").get("/clients/" + acme.id()).body());

            assertThat(page.select("#billing-terms").text()).isEqualTo("Billed 12.50 USD per hour.");
            assertThat(rows(page)).containsExactly(
                    List.of("#" + first + " Printer New", "1.25", "15.63 USD"),
                    List.of("#" + second + " Scanner New", "0.1", "1.25 USD"),
                    List.of("#" + third + " Refund New", "-0.5", "-6.25 USD"));
            // 15.625 rounds to 15.63 on its own line: 15.63 + 1.25 - 6.25.
            assertThat(page.select("#billing-total").text()).isEqualTo("10.63 USD");
        });
    }

    @Test
    void long_statement_is_paged_and_total_covers_every_line() {
        node.set(Settings.PAGE_LENGTH, "5");
        node.wiring.billing.updateTerms(node.admin(), acme.id(), new TermsForm("fixed", "2.00", "EUR"));
        for (int i = 1; i <= 7; i++) {
            billedTicket("Visit " + i, "");
        }
        node.http((server, client) -> {
            Browser reader = signedIn(client.getOrigin(), "reader");
            Document first = Jsoup.parse(reader.get("/clients/" + acme.id()).body());
            Document second = Jsoup.parse(reader.get("/clients/" + acme.id() + "?billing_page=2").body());

            assertThat(rows(first)).hasSize(5);
            assertThat(rows(second)).hasSize(2);
            assertThat(second.select("#billing-lines").text()).contains("Visit 6", "Visit 7").doesNotContain("Visit 5");
            assertThat(first.select("#billing-total").text()).isEqualTo("14.00 EUR");
            assertThat(second.select("#billing-total").text()).isEqualTo("14.00 EUR");
            assertThat(first.select("a[rel=next]").attr("href")).isEqualTo("?billing_page=2");
        });
    }

    @Test
    void hours_of_one_ticket_are_summed_before_rounding() {
        node.wiring.billing.updateTerms(node.admin(), acme.id(), new TermsForm("hourly", "12.50", "USD"));
        long id = billedTicket("Printer", "1.25");
        addTime(id, "0.1");
        addTime(id, "-0.5");

        BillingStatement statement = node.wiring.billing.statement(node.admin(), acme.id());

        assertThat(statement.lines()).hasSize(1);
        assertThat(statement.lines().get(0).hours().plain()).isEqualTo("0.85");
        assertThat(statement.totalCents()).isEqualTo(1063);
    }

    @Test
    void small_amounts_round_to_whole_cents() {
        node.wiring.billing.updateTerms(node.admin(), acme.id(), new TermsForm("hourly", "0.33", "EUR"));
        billedTicket("One minute", "0.01");
        Client half = node.client("Half", "Paid");
        node.wiring.billing.updateTerms(node.admin(), half.id(), new TermsForm("hourly", "0,25", "EUR"));
        long id = node.ticket(node.admin(), product, "Two hundredths", "Short job");
        addTime(id, "0.02");
        node.wiring.billing.billTicket(node.admin(), id, half.id());

        assertThat(node.wiring.billing.statement(node.admin(), acme.id()).total()).isEqualTo("0.00 EUR");
        assertThat(node.wiring.billing.statement(node.admin(), half.id()).total()).isEqualTo("0.01 EUR");
    }

    @Test
    void fixed_terms_bill_the_rate_per_ticket() {
        node.wiring.billing.updateTerms(node.admin(), acme.id(), new TermsForm("fixed", "99.90", "EUR"));
        billedTicket("Printer", "3");
        billedTicket("Scanner", "");

        BillingStatement statement = node.wiring.billing.statement(node.admin(), acme.id());

        assertThat(statement.lines()).extracting(BillingLine::costCents).containsExactly(9990L, 9990L);
        assertThat(statement.total()).isEqualTo("199.80 EUR");
    }

    @Test
    void default_terms_bill_per_hour_with_time_tracking() {
        billedTicket("Printer", "1.5");
        node.http((server, client) -> {
            Document page = Jsoup.parse(signedIn(client.getOrigin(), "reader").get("/clients/" + acme.id()).body());

            assertThat(page.select("#billing-terms").text())
                    .isEqualTo("Billed 10.00 USD per hour. These are the default terms, because none were saved for this client.");
            assertThat(page.select("#billing-total").text()).isEqualTo("15.00 USD");
        });
    }

    @Test
    void default_terms_bill_per_ticket_without_time_tracking() {
        billedTicket("Printer", "1.5");
        billedTicket("Scanner", "0.25");
        node.set("comp_time", "off");

        BillingStatement statement = node.wiring.billing.statement(node.admin(), acme.id());

        assertThat(statement.terms().type()).isEqualTo(BillingType.FIXED);
        assertThat(statement.terms().isDefault()).isTrue();
        assertThat(statement.total()).isEqualTo("20.00 USD");
    }

    @Test
    void hourly_terms_without_time_tracking() {
        node.wiring.billing.updateTerms(node.admin(), acme.id(), new TermsForm("hourly", "12.50", "USD"));
        billedTicket("Printer", "2");
        node.set("comp_time", "off");
        node.http((server, client) -> {
            Document page = Jsoup.parse(signedIn(client.getOrigin(), "reader").get("/clients/" + acme.id()).body());

            assertThat(page.select("#billing-terms").text()).isEqualTo("Billed 12.50 USD per hour.");
            assertThat(page.text()).contains("Time tracking is switched off, so each ticket is billed the rate once instead of per hour.");
            assertThat(page.select("#billing-total").text()).isEqualTo("12.50 USD");
        });
    }

    @Test
    void unreadable_ticket_counts_without_title() {
        long hidden = billedTicket("Secret audit", "1");
        node.user("member", Level.AUTHORIZED);
        node.set(Settings.TICKET_VISIBILITY, "Restricted");
        node.set(Settings.CLIENTS_LEVEL, "1");
        node.http((server, client) -> {
            Document page = Jsoup.parse(signedIn(client.getOrigin(), "member").get("/clients/" + acme.id()).body());

            assertThat(page.select("#billing-lines").text()).doesNotContain("Secret audit");
            assertThat(page.select("#billing-lines a")).isEmpty();
            assertThat(rows(page)).containsExactly(List.of("#" + hidden + " (a ticket you may not read)", "1", "10.00 USD"));
            assertThat(page.select("#billing-total").text()).isEqualTo("10.00 USD");
        });
    }

    @Test
    void manager_saves_terms_and_change_is_logged() {
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");
            manager.get("/clients/" + acme.id());

            Browser.Page saved = manager.post("/clients/" + acme.id() + "/billing", Map.of("type", "fixed", "rate", "12,5", "currency", "eur"));

            assertThat(saved.status()).isEqualTo(302);
            BillingTerms terms = node.wiring.billing.terms(acme.id());
            assertThat(terms).isEqualTo(new BillingTerms(BillingType.FIXED, 1250, "EUR", false));
            Document page = Jsoup.parse(manager.get("/clients/" + acme.id()).body());
            assertThat(page.select("#rate").val()).isEqualTo("12.50");
            assertThat(page.select("#billing-type option[selected]").val()).isEqualTo("fixed");
            List<SystemLogTable.Row> log = SystemLogTable.rows(SystemLogTable.signedInAdmin(client.getOrigin()), "category=clients");
            assertThat(log).extracting(SystemLogTable.Row::message).containsExactly("Changed the billing terms of client Acme (id "
                    + acme.id() + ") from 10.00 USD per hour (default) to 12.50 EUR per ticket");
            assertThat(log.get(0).actor()).isEqualTo("manager");
        });
    }

    @Test
    void invalid_terms_name_fields() {
        node.wiring.billing.updateTerms(node.admin(), acme.id(), new TermsForm("hourly", "20", "USD"));
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");
            manager.get("/clients/" + acme.id());

            Browser.Page page = manager.post("/clients/" + acme.id() + "/billing", Map.of("type", "monthly", "rate", "12.345",
                    "currency", "DOLLAR"));

            assertThat(page.status()).isEqualTo(422);
            Document html = Jsoup.parse(page.body());
            assertThat(html.select("#type-error").text()).isEqualTo("Type must be Fixed rate per ticket or Rate per hour.");
            assertThat(html.select("#rate-error").text())
                    .isEqualTo("Rate must be a number from 0 to 1000000 with at most 2 decimals, such as 12.50 or 12,50.");
            assertThat(html.select("#currency-error").text()).isEqualTo("Currency must be 3 letters, such as USD or EUR.");
            assertThat(html.select("#rate").val()).isEqualTo("12.345");
            assertThat(node.wiring.billing.terms(acme.id())).isEqualTo(new BillingTerms(BillingType.HOURLY, 2000, "USD", false));
        });
    }

    @Test
    void terms_form_needs_level_five() {
        node.http((server, client) -> {
            Browser reader = signedIn(client.getOrigin(), "reader");
            Browser manager = signedIn(client.getOrigin(), "manager");

            Document readerPage = Jsoup.parse(reader.get("/clients/" + acme.id()).body());
            Browser.Page denied = reader.post("/clients/" + acme.id() + "/billing", Map.of("type", "fixed", "rate", "1", "currency", "USD"));
            node.set("comp_billing", "off");
            Document withoutBilling = Jsoup.parse(manager.get("/clients/" + acme.id()).body());
            Browser.Page off = manager.post("/clients/" + acme.id() + "/billing", Map.of("type", "fixed", "rate", "1", "currency", "USD"));

            assertThat(readerPage.select("#billing")).hasSize(1);
            assertThat(readerPage.select("form[action$=/billing]")).isEmpty();
            assertThat(denied.status()).isEqualTo(403);
            assertThat(withoutBilling.select("#billing")).isEmpty();
            assertThat(off.status()).isEqualTo(404);
            assertThat(node.wiring.billing.terms(acme.id()).isDefault()).isTrue();
        });
    }

    /** Files a ticket, records the hours (none for "") and bills it to Acme; returns its id. */
    private long billedTicket(String title, String hours) {
        long id = node.ticket(node.admin(), product, title, "Work for Acme");
        if (!hours.isEmpty()) {
            addTime(id, hours);
        }
        node.wiring.billing.billTicket(node.admin(), id, acme.id());
        return id;
    }

    private void addTime(long ticketId, String hours) {
        node.wiring.tickets.update(node.admin(), ticketId, new TicketUpdate(null, null, null, null, null, null, "", hours), Origin.WEB);
    }

    private static List<List<String>> rows(Document page) {
        return page.select("#billing-lines tbody tr").stream().map(row -> row.select("td").eachText()).toList();
    }

    private static Browser signedIn(String origin, String name) {
        Browser browser = new Browser(origin);
        assertThat(browser.signIn(name, TestNodePoint.PASSWORD).status()).isEqualTo(302);
        browser.get("/");
        return browser;
    }
}
