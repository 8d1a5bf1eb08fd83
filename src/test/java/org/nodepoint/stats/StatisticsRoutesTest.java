package org.nodepoint.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.events.Origin;
import org.nodepoint.projects.Product;
import org.nodepoint.submissions.Submission;
import org.nodepoint.tasks.TaskForm;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.ManualClock;
import org.nodepoint.testing.TestItems;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.tickets.TicketUpdate;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;
import org.nodepoint.users.Viewer;

/**
 * The statistics page over real HTTP. The clock starts on Monday 2026-03-02 at 09:00 UTC, so that
 * tickets, time entries and due days fall on known days.
 */
class StatisticsRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOSTILE = "</script><script>alert(1)</script>";

    @TempDir
    Path folder;

    private final ManualClock clock = new ManualClock();
    private TestNodePoint node;
    private User rita;
    private User tess;
    private Product product;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder, Map.of(), clock);
        rita = node.user("rita", Level.RESTRICTED_VIEW);
        tess = node.user("tess", Level.TICKETS_MANAGEMENT);
        node.user("lou", Level.AUTHORIZED);
        product = node.product("Office move", "Public");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private Browser signedIn(String origin, String name) {
        Browser browser = new Browser(origin);
        assertThat(browser.signIn(name, TestNodePoint.PASSWORD).status()).isEqualTo(302);
        return browser;
    }

    private static Document html(Browser.Page page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return Jsoup.parse(page.body());
    }

    private long ticket(User author, Product of) {
        return node.ticket(node.viewer(author), of, "Move the printer", "The printer moves to floor two.");
    }

    private void setStatus(long ticketId, String status) {
        node.wiring.tickets.update(node.admin(), ticketId, new TicketUpdate(null, null, status, "Done", null, null, null, null), Origin.WEB);
    }

    private void recordHours(User user, long ticketId, String hours) {
        node.wiring.tickets.update(Viewer.of(user), ticketId, new TicketUpdate(null, null, null, null, null, null, "", hours), Origin.WEB);
    }

    private void task(Product of, User assignee, String description, String dueDay) {
        node.wiring.tasks.add(node.admin(), of.id(), new TaskForm(description, String.valueOf(assignee.id()), dueDay), Submission.NONE);
    }

    private void item(String name, String expiresOn) {
        long id = TestItems.insert(node, name, null, "", "available", null);
        node.wiring.database.write().useHandle(handle -> handle.execute("UPDATE items SET expires_on = ? WHERE id = ?", expiresOn, id));
    }

    /** Returns the rows of the tickets-per-day table as "yyyy-mm-dd=count". */
    private static List<String> createdRows(Document page) {
        return page.select("#created-table tbody tr").stream()
                .map(row -> row.selectFirst("time").attr("datetime") + "=" + row.select("td").get(1).text())
                .toList();
    }

    private static Map<String, String> statusRows(Document page) {
        Map<String, String> rows = new java.util.LinkedHashMap<>();
        page.select("#status-table tbody tr").forEach(row -> rows.put(row.select("td").get(0).text(), row.select("td").get(1).text()));
        return rows;
    }

    private static JsonNode chart(Document page, String id) throws Exception {
        return JSON.readTree(page.selectFirst("#" + id).attr("data-chart"));
    }

    private static Element day(Document page, String isoDay) {
        return page.selectFirst("#calendar td[data-day=" + isoDay + "]");
    }

    @Test
    void created_per_day_covers_last_seven_days() {
        ticket(rita, product);
        clock.advance(Duration.ofDays(4));
        ticket(rita, product);
        clock.advance(Duration.ofDays(3));
        ticket(rita, product);
        ticket(tess, product);
        clock.advance(Duration.ofDays(3));
        ticket(rita, product);
        ticket(rita, product);
        ticket(tess, product);

        node.http((server, client) -> {
            Document page = html(signedIn(client.getOrigin(), "rita").get("/stats"));

            assertThat(createdRows(page)).containsExactly("2026-03-06=1", "2026-03-07=0", "2026-03-08=0", "2026-03-09=2",
                    "2026-03-10=0", "2026-03-11=0", "2026-03-12=3");
            assertThat(page.select("#created-title").text()).isEqualTo("Tickets created in the last 7 days: 6");
            JsonNode data = chart(page, "created-chart");
            assertThat(data.get("label").asText()).isEqualTo("Tickets created");
            assertThat(data.get("labels").get(0).asText()).isEqualTo("Fri 6 Mar");
            assertThat(data.get("values").toString()).isEqualTo("[1,0,0,2,0,0,3]");
        });
    }

    @Test
    void created_days_follow_site_time_zone() {
        node.set(Settings.TIME_ZONE, "America/New_York");
        ticket(rita, product);
        // 2026-03-03 03:00 UTC is still 2026-03-02 in New York.
        clock.advance(Duration.ofHours(18));
        ticket(rita, product);

        node.http((server, client) -> {
            Document page = html(signedIn(client.getOrigin(), "rita").get("/stats"));

            assertThat(createdRows(page)).last().isEqualTo("2026-03-02=2");
            assertThat(day(page, "2026-03-02").attr("aria-current")).isEqualTo("date");
        });
    }

    @Test
    void status_chart_counts_each_status() throws Exception {
        setStatus(ticket(rita, product), "Open");
        setStatus(ticket(rita, product), "Open");
        setStatus(ticket(rita, product), "Closed");
        ticket(tess, product);

        node.http((server, client) -> {
            Document page = html(signedIn(client.getOrigin(), "rita").get("/stats"));

            assertThat(statusRows(page)).containsExactly(Map.entry("New", "1"), Map.entry("Open", "2"), Map.entry("Invalid", "0"),
                    Map.entry("Hold", "0"), Map.entry("Duplicate", "0"), Map.entry("Resolved", "0"), Map.entry("Closed", "1"));
            assertThat(page.select("#status-title").text()).isEqualTo("Tickets by status: 4");
            JsonNode data = chart(page, "status-chart");
            assertThat(data.get("labels").toString()).isEqualTo("[\"New\",\"Open\",\"Invalid\",\"Hold\",\"Duplicate\",\"Resolved\",\"Closed\"]");
            assertThat(data.get("values").toString()).isEqualTo("[1,2,0,0,0,0,1]");
            assertThat(page.select("script[src]").eachAttr("src")).contains(StatisticsPage.CHART_JS, "/static/js/statistics.js");
        });
    }

    @Test
    void chart_script_and_library_are_served() {
        node.http((server, client) -> {
            Browser guest = new Browser(client.getOrigin());

            Browser.Page library = guest.get(StatisticsPage.CHART_JS);
            Browser.Page drawing = guest.get("/static/js/statistics.js");

            assertThat(library.status()).isEqualTo(200);
            assertThat(library.body()).contains("Chart.js v4.5.1");
            assertThat(drawing.status()).isEqualTo(200);
            assertThat(drawing.body()).contains("canvas[data-chart]");
        });
    }

    @Test
    void calendar_shows_hours_tasks_and_expiries() {
        long ticketId = ticket(rita, product);
        recordHours(tess, ticketId, "1.5");
        recordHours(tess, ticketId, "0.25");
        task(product, rita, "Pack the printers", "2026-03-10");
        item("Projector", "2026-03-31");
        item("Laptop 7", "2026-04-01");

        node.http((server, client) -> {
            Document page = html(signedIn(client.getOrigin(), "rita").get("/stats"));

            assertThat(page.select("#calendar-title").text()).isEqualTo("March 2026");
            assertThat(page.select("#calendar thead th").eachText()).containsExactly("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
            List<Element> weeks = page.select("#calendar tbody tr");
            assertThat(weeks).hasSize(6);
            assertThat(weeks.get(0).select("td")).hasSize(7);
            assertThat(weeks.get(0).select("td.stats-outside")).hasSize(6);
            assertThat(weeks.get(0).select("td").last().attr("data-day")).isEqualTo("2026-03-01");
            Element today = day(page, "2026-03-02");
            assertThat(today.attr("aria-current")).isEqualTo("date");
            assertThat(today.select(".stats-hours").text()).isEqualTo("1.75 h");
            assertThat(page.select("td[aria-current]")).hasSize(1);
            assertThat(day(page, "2026-03-10").select(".stats-task").text()).isEqualTo("Task due: Pack the printers");
            assertThat(day(page, "2026-03-31").select(".stats-item").text()).isEqualTo("Item expires: Projector");
            assertThat(page.select(".stats-item").eachText()).containsExactly("Item expires: Projector");
        });
    }

    @Test
    void month_links_cross_year_end() {
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "rita");

            Document december = html(browser.get("/stats?month=2026-12&user=" + tess.id()));
            Document january = html(browser.get(december.select("#next-month").attr("href")));

            assertThat(december.select("#calendar-title").text()).isEqualTo("December 2026");
            assertThat(december.select("#next-month").attr("href")).isEqualTo("/stats?month=2027-01&user=" + tess.id());
            assertThat(december.select("#previous-month").attr("href")).isEqualTo("/stats?month=2026-11&user=" + tess.id());
            assertThat(january.select("#calendar-title").text()).isEqualTo("January 2027");
            assertThat(january.select("#previous-month").attr("href")).isEqualTo("/stats?month=2026-12&user=" + tess.id());
            assertThat(january.select("#user option[selected]").text()).isEqualTo("tess");
            assertThat(january.select("td[aria-current]")).isEmpty();
        });
    }

    @Test
    void invalid_month_and_user_name_fields() {
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "rita");

            Browser.Page badMonth = browser.get("/stats?month=2026-13");
            Browser.Page badUser = browser.get("/stats?user=nobody");
            Browser.Page wordMonth = browser.get("/stats?month=march");

            assertThat(badMonth.status()).isEqualTo(422);
            assertThat(Jsoup.parse(badMonth.body()).select("#month-error").text())
                    .isEqualTo("Month must be a year and a month as yyyy-mm, such as 2026-12, from the year 1900 on.");
            assertThat(Jsoup.parse(badMonth.body()).select("#calendar-title").text()).isEqualTo("March 2026");
            assertThat(badUser.status()).isEqualTo(422);
            assertThat(Jsoup.parse(badUser.body()).select("#user-error").text())
                    .isEqualTo("User must be one of the listed accounts, given by its id or its name.");
            assertThat(wordMonth.status()).isEqualTo(422);
        });
    }

    @Test
    void user_filter_restricts_tickets_time_and_tasks() throws Exception {
        long ritas = ticket(rita, product);
        setStatus(ritas, "Open");
        long tessas = ticket(tess, product);
        recordHours(tess, tessas, "2");
        recordHours(node.wiring.users.findByName("admin").orElseThrow(), ritas, "3");
        task(product, rita, "Pack the printers", "2026-03-10");
        task(product, tess, "Label the boxes", "2026-03-10");
        item("Projector", "2026-03-10");

        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "rita");

            Document byId = html(browser.get("/stats?user=" + tess.id()));
            Document byName = html(browser.get("/stats?user=rita"));
            Document everyone = html(browser.get("/stats"));

            assertThat(createdRows(byId)).last().isEqualTo("2026-03-02=1");
            assertThat(statusRows(byId)).containsEntry("New", "1").containsEntry("Open", "0");
            assertThat(chart(byId, "created-chart").get("label").asText()).isEqualTo("Tickets created by tess");
            assertThat(day(byId, "2026-03-02").select(".stats-hours").text()).isEqualTo("2 h");
            assertThat(day(byId, "2026-03-10").select(".stats-task").eachText()).containsExactly("Task due: Label the boxes");
            assertThat(day(byId, "2026-03-10").select(".stats-item").eachText()).containsExactly("Item expires: Projector");
            assertThat(statusRows(byName)).containsEntry("New", "0").containsEntry("Open", "1");
            assertThat(day(byName, "2026-03-02").select(".stats-hours")).isEmpty();
            assertThat(day(byName, "2026-03-10").select(".stats-task").eachText()).containsExactly("Task due: Pack the printers");
            assertThat(day(everyone, "2026-03-02").select(".stats-hours").text()).isEqualTo("5 h");
            assertThat(day(everyone, "2026-03-10").select(".stats-task")).hasSize(2);
        });
    }

    @Test
    void user_without_tickets_gets_empty_text() {
        ticket(rita, product);

        node.http((server, client) -> {
            Document page = html(signedIn(client.getOrigin(), "rita").get("/stats?user=lou"));

            assertThat(page.select("#tickets-empty").text()).isEqualTo("This user created no ticket that you may see, so the charts are empty.");
            assertThat(page.select("canvas")).isEmpty();
        });
    }

    @Test
    void hidden_project_is_not_counted() {
        node.set(Settings.REPORTS_LEVEL, "1");
        node.set(Settings.TICKET_VISIBILITY, "Public");
        Product restricted = node.product("Server room", "Restricted");
        ticket(rita, product);
        long hidden = ticket(tess, restricted);
        setStatus(hidden, "Hold");
        recordHours(tess, hidden, "4");
        task(restricted, tess, "Label the racks", "2026-03-10");
        task(product, tess, "Pack the printers", "2026-03-10");

        node.http((server, client) -> {
            Document member = html(signedIn(client.getOrigin(), "lou").get("/stats"));
            Document restrictedViewer = html(signedIn(client.getOrigin(), "rita").get("/stats"));

            assertThat(createdRows(member)).last().isEqualTo("2026-03-02=1");
            assertThat(statusRows(member)).containsEntry("New", "1").containsEntry("Hold", "0");
            assertThat(day(member, "2026-03-10").select(".stats-task").eachText()).containsExactly("Task due: Pack the printers");
            assertThat(member.select(".stats-hours")).isEmpty();
            assertThat(createdRows(restrictedViewer)).last().isEqualTo("2026-03-02=2");
            assertThat(statusRows(restrictedViewer)).containsEntry("Hold", "1");
            assertThat(day(restrictedViewer, "2026-03-02").select(".stats-hours").text()).isEqualTo("4 h");
            assertThat(day(restrictedViewer, "2026-03-10").select(".stats-task")).hasSize(2);
        });
    }

    @Test
    void own_tickets_only_under_restricted_visibility() {
        node.set(Settings.REPORTS_LEVEL, "1");
        ticket(rita, product);
        ticket(node.wiring.users.findByName("lou").orElseThrow(), product);

        node.http((server, client) -> {
            Document member = html(signedIn(client.getOrigin(), "lou").get("/stats"));

            assertThat(createdRows(member)).last().isEqualTo("2026-03-02=1");
        });
    }

    @Test
    void below_report_level_is_forbidden() {
        node.http((server, client) -> {
            Browser member = signedIn(client.getOrigin(), "lou");

            Browser.Page page = member.get("/stats");
            Browser.Page guest = new Browser(client.getOrigin()).get("/stats");

            assertThat(page.status()).isEqualTo(403);
            assertThat(Jsoup.parse(member.get("/").body()).select("a[href=/stats]")).isEmpty();
            assertThat(guest.status()).isEqualTo(302);
            assertThat(guest.location()).isEqualTo("/login?next=%2Fstats");
        });
    }

    @Test
    void tools_menu_links_statistics() {
        node.http((server, client) -> {
            Document home = Jsoup.parse(signedIn(client.getOrigin(), "rita").get("/").body());

            assertThat(home.select(".dropdown-menu a[href=/stats]").text()).isEqualTo("Statistics");
        });
    }

    @Test
    void hostile_names_stay_text() throws Exception {
        Product hostileProduct = node.product(HOSTILE, "Public");
        ticket(rita, hostileProduct);
        task(hostileProduct, rita, HOSTILE, "2026-03-10");
        item(HOSTILE, "2026-03-11");

        node.http((server, client) -> {
            Browser.Page response = signedIn(client.getOrigin(), "rita").get("/stats");
            Document page = html(response);

            assertThat(response.body()).doesNotContain("<script>alert(1)");
            assertThat(page.select("script").eachAttr("src")).allSatisfy(src -> assertThat(src).startsWith("/"));
            assertThat(page.select("script:not([src])")).isEmpty();
            assertThat(day(page, "2026-03-10").select(".stats-task").text()).isEqualTo("Task due: " + HOSTILE);
            assertThat(day(page, "2026-03-11").select(".stats-item").text()).isEqualTo("Item expires: " + HOSTILE);
            assertThat(chart(page, "created-chart").get("values").toString()).isEqualTo("[0,0,0,0,0,0,1]");
            assertThat(chart(page, "status-chart").get("values").toString()).isEqualTo("[1,0,0,0,0,0,0]");
        });
    }

    @Test
    void empty_site_shows_empty_text() {
        node.http((server, client) -> {
            Document page = html(signedIn(client.getOrigin(), "rita").get("/stats"));

            assertThat(page.select("#tickets-empty").text()).isEqualTo("There are no tickets that you may see yet, so the charts are empty.");
            assertThat(page.select("canvas")).isEmpty();
            assertThat(page.select("script[src=/static/js/statistics.js]")).isEmpty();
            assertThat(createdRows(page)).hasSize(Statistics.DAYS).allSatisfy(row -> assertThat(row).endsWith("=0"));
            assertThat(statusRows(page).values()).containsOnly("0");
            assertThat(page.select("#calendar td[data-day]")).hasSize(LocalDate.of(2026, 3, 1).lengthOfMonth());
        });
    }
}
