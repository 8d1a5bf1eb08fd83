package org.nodepoint.legacyapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.clients.Client;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.FormFields;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;

/**
 * Hours entered on the web form and through update_ticket give the same totals on the ticket
 * page, the own settings page, show_time and show_billing.
 */
class TimeTotalsAgreementTest {
    @TempDir
    Path folder;

    @Test
    void totals_agree_across_pages_and_api() {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of("default_vis", "Public"))) {
            Product product = node.product("Printers", "Public");
            long ticketId = node.ticket(node.admin(), product, "Jammed printer", "Error E13");
            node.user("tech", Level.TICKETS_MANAGEMENT);
            Client acme = node.client("Acme", "Paid");
            node.wiring.billing.billTicket(node.admin(), ticketId, acme.id());
            node.http((server, client) -> {
                Browser tech = new Browser(client.getOrigin());
                assertThat(tech.signIn("tech", TestNodePoint.PASSWORD).status()).isEqualTo(302);
                ApiClient api = new ApiClient(client.getOrigin());

                enterTime(tech, ticketId, "0.1");
                enterTime(tech, ticketId, "0,25");
                api.get("/nodepoint/", "api", "update_ticket", "key", TestNodePoint.WRITE_KEY, "id", String.valueOf(ticketId),
                        "time_spent", "1.2");
                String ticketTotal = Jsoup.parse(tech.get("/tickets/" + ticketId).body()).select("#time-total").text();
                String ownTotal = Jsoup.parse(tech.get("/settings").body()).select("#time-spent").text();
                JsonNode time = api.get("/nodepoint/", "api", "show_time", "key", TestNodePoint.READ_KEY,
                        "id", String.valueOf(ticketId)).json();
                JsonNode billing = api.get("/nodepoint/", "api", "show_billing", "key", TestNodePoint.READ_KEY,
                        "client", "Acme").json();

                BigDecimal entrySum = BigDecimal.ZERO;
                for (JsonNode entry : time.path("time")) {
                    entrySum = entrySum.add(new BigDecimal(entry.path("hours").asText()));
                }
                assertThat(ticketTotal).isEqualTo("1.55");
                assertThat(ownTotal).isEqualTo("0.35");
                assertThat(entrySum).isEqualByComparingTo("1.55");
                assertThat(billing.path("billable").get(0).path("hours").asText()).isEqualTo("1.55");
                // Without billing terms a client is billed 10 USD per hour: 1.55 h cost 15.50.
                assertThat(billing.path("total").asText()).isEqualTo("15.5");
            });
        }
    }

    private static void enterTime(Browser browser, long ticketId, String hours) {
        Browser.Page page = browser.get("/tickets/" + ticketId);
        Map<String, String> form = FormFields.with(FormFields.of(page, "/tickets/" + ticketId), "time", hours);
        assertThat(browser.postRaw("/tickets/" + ticketId, form).status()).isEqualTo(302);
    }
}
