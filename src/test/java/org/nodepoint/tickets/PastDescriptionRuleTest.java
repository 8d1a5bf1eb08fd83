package org.nodepoint.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.FormFields;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;

/**
 * Below the past_lvl level (5 unless set), an editor may update a ticket but not change its
 * description. The form shows it read-only, and the server rejects a changed one.
 */
class PastDescriptionRuleTest {
    @TempDir
    Path folder;

    private TestNodePoint node;
    private long ticketId;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder, Map.of("default_vis", "Public"));
        Product product = node.product("Printers", "Public");
        ticketId = node.ticket(node.admin(), product, "Jammed printer", "Error E13 on tray 2");
        node.user("level3", Level.TICKETS_MANAGEMENT);
        node.user("level4", Level.PROJECTS_MANAGEMENT);
        node.user("level5", Level.USERS_MANAGEMENT);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @ParameterizedTest(name = "{0} with past_lvl {1}")
    @CsvSource(delimiter = '|', value = {
        "level3 | 5 | false",
        "level4 | 5 | false",
        "level5 | 5 | true",
        "admin  | 5 | true",
        "level3 | 4 | false",
        "level4 | 4 | true",
        "level3 | 3 | true",
    })
    void description_change_follows_past_level(String editor, String pastLevel, boolean allowed) {
        node.set("past_lvl", pastLevel);

        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), editor);
            Map<String, String> form = FormFields.of(browser.get("/tickets/" + ticketId), "/tickets/" + ticketId);

            Browser.Page response = browser.postRaw("/tickets/" + ticketId,
                    FormFields.with(form, "description", "Error E14 on tray 1", "status", "Open"));

            Ticket ticket = node.wiring.tickets.findVisible(node.admin(), ticketId);
            if (allowed) {
                assertThat(response.status()).isEqualTo(302);
                assertThat(ticket.description()).isEqualTo("Error E14 on tray 1");
                assertThat(ticket.status()).isEqualTo("Open");
            } else {
                assertThat(response.status()).isEqualTo(422);
                assertThat(Jsoup.parse(response.body()).select("#description-error").text()).isEqualTo("Only users of level "
                        + pastLevel + " and up may change the description, so nothing was saved. Undo your change to the description and save again.");
                assertThat(ticket.description()).isEqualTo("Error E13 on tray 2");
                assertThat(ticket.status()).isEqualTo("New");
                assertThat(ticket.version()).isZero();
            }
        });
    }

    @ParameterizedTest(name = "{0} with past_lvl {1}")
    @CsvSource(delimiter = '|', value = {
        "level3 | 5 | false",
        "level4 | 5 | false",
        "level5 | 5 | true",
        "level3 | 3 | true",
    })
    void form_shows_description_read_only_below_past_level(String editor, String pastLevel, boolean editable) {
        node.set("past_lvl", pastLevel);

        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), editor);

            Document page = Jsoup.parse(browser.get("/tickets/" + ticketId).body());

            Element description = page.selectFirst("textarea#description");
            assertThat(description).isNotNull();
            assertThat(description.text()).isEqualTo("Error E13 on tray 2");
            assertThat(description.hasAttr("readonly")).isEqualTo(!editable);
            assertThat(description.attr("name")).isEqualTo(editable ? "description" : "");
            assertThat(page.select("#description-help").isEmpty()).isEqualTo(editable);
        });
    }

    @Test
    void read_only_form_saves_other_changes() {
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "level3");
            Map<String, String> form = FormFields.of(browser.get("/tickets/" + ticketId), "/tickets/" + ticketId);

            Browser.Page saved = browser.postRaw("/tickets/" + ticketId,
                    FormFields.with(form, "status", "Open", "note", "Cleaned the rollers"));

            assertThat(form).doesNotContainKey("description");
            assertThat(saved.status()).isEqualTo(302);
            Ticket ticket = node.wiring.tickets.findVisible(node.admin(), ticketId);
            assertThat(ticket.status()).isEqualTo("Open");
            assertThat(ticket.description()).isEqualTo("Error E13 on tray 2");
        });
    }

    @Test
    void unchanged_description_passes_below_past_level() {
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "level3");
            Map<String, String> form = FormFields.of(browser.get("/tickets/" + ticketId), "/tickets/" + ticketId);

            Browser.Page saved = browser.postRaw("/tickets/" + ticketId,
                    FormFields.with(form, "description", "Error E13 on tray 2\r\n", "status", "Open"));

            assertThat(saved.status()).isEqualTo(302);
            assertThat(node.wiring.tickets.findVisible(node.admin(), ticketId).status()).isEqualTo("Open");
        });
    }

    private Browser signedIn(String origin, String name) {
        Browser browser = new Browser(origin);
        String password = name.equals("admin") ? TestNodePoint.ADMIN_PASSWORD : TestNodePoint.PASSWORD;
        assertThat(browser.signIn(name, password).status()).isEqualTo(302);
        return browser;
    }
}
