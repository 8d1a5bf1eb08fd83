package org.nodepoint.tickets;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nodepoint.events.Origin;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.FormFields;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;

/** Hours entered on the ticket update form, the ticket's time breakdown and the total on the own settings page. */
class TimeTrackingRoutesTest {
    private static final String INVALID_TIME = "Time spent must be a number of hours from -99 to 99 with at most 2 decimals, such as 1.5 or 1,5.";

    @TempDir
    Path folder;

    private TestNodePoint node;
    private Product product;
    private long ticketId;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder, Map.of("default_vis", "Public"));
        product = node.product("Printers", "Public");
        ticketId = node.ticket(node.admin(), product, "Jammed printer", "Error E13");
        for (int level = Level.UNAUTHORIZED; level <= Level.USERS_MANAGEMENT; level++) {
            node.user("level" + level, level);
        }
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "1,5     | 150",
        "1.5     | 150",
        "0.25    | 25",
        "0.1     | 10",
        ".5      | 50",
        "' 2 '   | 200",
        "-0.5    | -50",
        "99      | 9900",
        "-99     | -9900",
        "99.00   | 9900",
    })
    void typed_hours_are_stored_exactly(String typed, long hundredths) {
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "level3");

            Browser.Page saved = submitUpdate(manager, "time", typed);

            assertThat(saved.status()).isEqualTo(302);
            assertThat(saved.location()).isEqualTo("/tickets/" + ticketId);
            assertThat(storedHundredths()).containsExactly(hundredths);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"abc", "1e3", "0x10", "1.234", "NaN", "Infinity", "99.01", "100", "-99.01", "1.2.3", "1 5", "--1",
        "1,", "\u0661", "1.5h"})
    void invalid_hours_are_rejected_with_message(String typed) {
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "level3");

            Browser.Page page = submitUpdate(manager, "time", typed, "status", "Open", "note", "Cleaned the rollers");

            assertThat(page.status()).isEqualTo(422);
            Document html = Jsoup.parse(page.body());
            assertThat(html.select("#time-error").text()).isEqualTo(INVALID_TIME);
            assertThat(html.select("input#time").val()).isEqualTo(typed.strip());
            assertThat(storedHundredths()).isEmpty();
            assertThat(changeCount()).isZero();
            assertThat(node.wiring.tickets.findVisible(node.admin(), ticketId).status()).isEqualTo("New");
        });
    }

    @Test
    void sums_are_exact() {
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "level3");
            Browser admin = signedIn(client.getOrigin(), "admin");

            submitUpdate(manager, "time", "0.1");
            submitUpdate(admin, "time", "0.2");
            Document afterTwo = Jsoup.parse(manager.get("/tickets/" + ticketId).body());
            submitUpdate(manager, "time", "0,25");
            Document afterThree = Jsoup.parse(manager.get("/tickets/" + ticketId).body());

            assertThat(afterTwo.select("#time-total").text()).isEqualTo("0.3");
            assertThat(afterThree.select("#time-total").text()).isEqualTo("0.55");
            List<List<String>> rows = afterThree.select("#time-breakdown tbody tr").stream()
                    .map(row -> row.select("td").eachText())
                    .toList();
            assertThat(rows).extracting(row -> row.get(0)).containsExactly("level3", "admin", "level3");
            assertThat(rows).extracting(row -> row.get(1)).containsExactly("0.1", "0.2", "0.25");
            assertThat(rows).allSatisfy(row -> assertThat(row.get(2)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"));
        });
    }

    @Test
    void negative_entry_corrects_total() {
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "level3");

            submitUpdate(manager, "time", "2");
            submitUpdate(manager, "time", "-0.75");
            Document page = Jsoup.parse(manager.get("/tickets/" + ticketId).body());

            assertThat(page.select("#time-breakdown tbody tr")).hasSize(2);
            assertThat(page.select("#time-total").text()).isEqualTo("1.25");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "guest  | false | false",
        "level0 | false | false",
        "level1 | false | false",
        "level2 | true  | false",
        "level3 | true  | true",
        "level5 | true  | true",
        "admin  | true  | true",
    })
    void breakdown_and_time_field_follow_level(String viewer, boolean seesBreakdown, boolean seesTimeField) {
        node.wiring.tickets.update(node.admin(), ticketId, new TicketUpdate(null, null, null, null, null, null, "", "1.5"), Origin.WEB);

        node.http((server, client) -> {
            Browser browser = viewer.equals("guest") ? new Browser(client.getOrigin()) : signedIn(client.getOrigin(), viewer);

            Document page = Jsoup.parse(browser.get("/tickets/" + ticketId).body());

            assertThat(page.select("#time-breakdown").isEmpty()).isEqualTo(!seesBreakdown);
            assertThat(page.select("#time-total").text()).isEqualTo(seesBreakdown ? "1.5" : "");
            assertThat(page.select("input#time").isEmpty()).isEqualTo(!seesTimeField);
        });
    }

    @Test
    void ticket_without_time_says_so() {
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "level2");

            Document page = Jsoup.parse(browser.get("/tickets/" + ticketId).body());

            assertThat(page.select("#time-title").text()).isEqualTo("Time spent");
            assertThat(page.text()).contains("No time has been recorded on this ticket.");
            assertThat(page.select("#time-breakdown")).isEmpty();
        });
    }

    @Test
    void time_tracking_off_hides_time_and_rejects_hours() {
        node.wiring.tickets.update(node.admin(), ticketId, new TicketUpdate(null, null, null, null, null, null, "", "1"), Origin.WEB);

        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "level3");
            Map<String, String> form = FormFields.of(manager.get("/tickets/" + ticketId), "/tickets/" + ticketId);
            node.set("comp_time", "off");

            Document page = Jsoup.parse(manager.get("/tickets/" + ticketId).body());
            Browser.Page rejected = manager.postRaw("/tickets/" + ticketId, FormFields.with(form, "time", "1.5", "note", "Cleaned"));

            assertThat(page.select("#time-title")).isEmpty();
            assertThat(page.select("input#time")).isEmpty();
            assertThat(rejected.status()).isEqualTo(422);
            assertThat(Jsoup.parse(rejected.body()).select("#time-error").text())
                    .isEqualTo("Time tracking is switched off, so no time was recorded and nothing was saved. Clear the time spent and save again.");
            assertThat(storedHundredths()).containsExactly(100L);
            assertThat(changeCount()).isEqualTo(1);
        });
    }

    @Test
    void settings_page_shows_own_total() {
        User manager = node.wiring.users.findByName("level3").orElseThrow();
        long otherTicket = node.ticket(node.admin(), product, "Toner low", "Tray 2");
        record(manager, ticketId, "1.5");
        record(manager, otherTicket, "0,25");
        record(manager, otherTicket, "-0.5");
        node.wiring.tickets.update(node.admin(), ticketId, new TicketUpdate(null, null, null, null, null, null, "", "7"), Origin.WEB);

        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "level3");

            Document page = Jsoup.parse(browser.get("/settings").body());

            assertThat(page.select("#time-spent").text()).isEqualTo("1.25");
            assertThat(page.text()).contains("Time spent on tickets (hours)");
        });
    }

    @Test
    void settings_page_shows_zero_before_any_entry() {
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "level3");

            Document page = Jsoup.parse(browser.get("/settings").body());

            assertThat(page.select("#time-spent").text()).isEqualTo("0");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "level1 | on  | false",
        "level2 | on  | false",
        "level3 | on  | true",
        "level5 | on  | true",
        "admin  | on  | true",
        "level3 | off | false",
    })
    void settings_total_follows_level(String viewer, String timeTracking, boolean visible) {
        node.set("comp_time", timeTracking);

        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), viewer);

            Document page = Jsoup.parse(browser.get("/settings").body());

            assertThat(page.select("#time-spent").isEmpty()).isEqualTo(!visible);
        });
    }

    @Test
    void hours_by_ticket_match_the_page() {
        long otherTicket = node.ticket(node.admin(), product, "Toner low", "Tray 2");
        long untracked = node.ticket(node.admin(), product, "Paper jam", "Tray 1");
        User manager = node.wiring.users.findByName("level3").orElseThrow();
        record(manager, ticketId, "0.1");
        record(manager, ticketId, "0.2");
        record(manager, otherTicket, "2,5");

        Map<Long, Hours> hours = node.wiring.timeTracking.hoursByTicket(List.of(ticketId, otherTicket, untracked));

        assertThat(hours).containsOnlyKeys(ticketId, otherTicket);
        assertThat(hours.get(ticketId).value()).isEqualByComparingTo("0.3");
        assertThat(hours.get(otherTicket).value()).isEqualByComparingTo("2.5");
        node.http((server, client) -> {
            Document page = Jsoup.parse(signedIn(client.getOrigin(), "level2").get("/tickets/" + ticketId).body());
            assertThat(page.select("#time-total").text()).isEqualTo(hours.get(ticketId).plain());
        });
    }

    private Browser signedIn(String origin, String name) {
        Browser browser = new Browser(origin);
        String password = name.equals("admin") ? TestNodePoint.ADMIN_PASSWORD : TestNodePoint.PASSWORD;
        assertThat(browser.signIn(name, password).status()).isEqualTo(302);
        return browser;
    }

    /** Loads the ticket page and submits its update form as a browser would, with some fields changed. */
    private Browser.Page submitUpdate(Browser browser, String... namesAndValues) {
        Browser.Page page = browser.get("/tickets/" + ticketId);
        Map<String, String> form = FormFields.with(FormFields.of(page, "/tickets/" + ticketId), namesAndValues);
        return browser.postRaw("/tickets/" + ticketId, form);
    }

    private void record(User user, long ticket, String hours) {
        node.wiring.tickets.update(node.viewer(user), ticket, new TicketUpdate(null, null, null, null, null, null, "", hours), Origin.WEB);
    }

    private List<Long> storedHundredths() {
        return node.wiring.database.read().withHandle(handle -> handle
                .createQuery("SELECT hundredths FROM time_entries WHERE ticket_id = :id ORDER BY id")
                .bind("id", ticketId).mapTo(Long.class).list());
    }

    private int changeCount() {
        return node.wiring.database.read().withHandle(handle -> handle
                .createQuery("SELECT count(*) FROM ticket_changes WHERE ticket_id = :id")
                .bind("id", ticketId).mapTo(Integer.class).one());
    }
}
