package org.nodepoint.projects;

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
import org.nodepoint.config.Settings;
import org.nodepoint.events.Origin;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;

/**
 * The auto-assignment list on the product page, and the assignees it gives tickets filed through
 * the web form and the legacy API.
 */
class AutoAssignRoutesTest {
    @TempDir
    Path folder;

    private TestNodePoint node;
    private Product printers;
    private User uma;
    private User asha;
    private User fred;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder, Map.of(Settings.TICKET_VISIBILITY, "Public"));
        printers = node.product("Printers", "Public");
        uma = node.user("uma", Level.TICKETS_MANAGEMENT);
        asha = node.user("asha", Level.PROJECTS_MANAGEMENT);
        fred = node.user("fred", Level.RESTRICTED_VIEW);
        node.user("cora", Level.AUTHORIZED);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void manager_joins_list() {
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "uma");
            Document before = Jsoup.parse(browser.get("/projects/" + printers.id()).body());

            Browser.Page joined = browser.post("/projects/" + printers.id() + "/auto-assign", Map.of());
            Document after = Jsoup.parse(browser.get("/projects/" + printers.id()).body());

            assertThat(before.select("#auto-assign button").eachText()).containsExactly("Auto-assign me");
            assertThat(joined.status()).isEqualTo(302);
            assertThat(joined.location()).isEqualTo("/projects/" + printers.id() + "#auto-assign");
            assertThat(listedNames()).containsExactly("uma");
            assertThat(after.select("#auto-assign .auto-assignee").eachText()).containsExactly("uma");
            assertThat(after.select("#auto-assign button").eachText()).containsExactly("Stop auto-assigning me");
        });
    }

    @Test
    void manager_leaves_list() {
        node.wiring.autoAssignees.add(node.viewer(uma), printers.id(), null, Origin.WEB);
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "uma");
            browser.get("/projects/" + printers.id());

            Browser.Page left = browser.post("/projects/" + printers.id() + "/auto-assign/remove", Map.of("userId", String.valueOf(uma.id())));

            assertThat(left.status()).isEqualTo(302);
            assertThat(listedNames()).isEmpty();
        });
    }

    @Test
    void level_two_sees_no_list() {
        node.wiring.autoAssignees.add(node.viewer(uma), printers.id(), null, Origin.WEB);
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "fred");

            Document page = Jsoup.parse(browser.get("/projects/" + printers.id()).body());
            Browser.Page denied = browser.post("/projects/" + printers.id() + "/auto-assign", Map.of());

            assertThat(page.select("#auto-assign")).isEmpty();
            assertThat(page.text()).doesNotContain("uma");
            assertThat(denied.status()).isEqualTo(403);
            assertThat(listedNames()).containsExactly("uma");
        });
    }

    @Test
    void level_three_cannot_remove_others() {
        node.wiring.autoAssignees.add(node.viewer(asha), printers.id(), null, Origin.WEB);
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "uma");
            Document page = Jsoup.parse(browser.get("/projects/" + printers.id()).body());

            Browser.Page rejected = browser.post("/projects/" + printers.id() + "/auto-assign/remove", Map.of("userId", String.valueOf(asha.id())));

            assertThat(page.select("#auto-assign form[action$=/auto-assign/remove]")).isEmpty();
            assertThat(rejected.status()).isEqualTo(422);
            assertThat(Jsoup.parse(rejected.body()).text()).contains("Only users of level 4 and up can add or remove other users");
            assertThat(listedNames()).containsExactly("asha");
        });
    }

    @Test
    void level_three_cannot_add_others() {
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "uma");
            browser.get("/projects/" + printers.id());

            Browser.Page rejected = browser.post("/projects/" + printers.id() + "/auto-assign", Map.of("userId", String.valueOf(asha.id())));

            assertThat(rejected.status()).isEqualTo(422);
            assertThat(listedNames()).isEmpty();
        });
    }

    @Test
    void level_four_adds_and_removes_others() {
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "asha");
            Document page = Jsoup.parse(browser.get("/projects/" + printers.id()).body());

            browser.post("/projects/" + printers.id() + "/auto-assign", Map.of("userId", String.valueOf(uma.id())));
            List<String> afterAdd = listedNames();
            browser.get("/projects/" + printers.id());
            browser.post("/projects/" + printers.id() + "/auto-assign/remove", Map.of("userId", String.valueOf(uma.id())));

            assertThat(page.select("#auto-assign-user option").eachText()).containsExactly("admin", "asha", "uma");
            assertThat(afterAdd).containsExactly("uma");
            assertThat(listedNames()).isEmpty();
        });
    }

    @Test
    void adding_level_two_user_is_rejected() {
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "asha");
            browser.get("/projects/" + printers.id());

            Browser.Page rejected = browser.post("/projects/" + printers.id() + "/auto-assign", Map.of("userId", String.valueOf(fred.id())));

            assertThat(rejected.status()).isEqualTo(422);
            assertThat(Jsoup.parse(rejected.body()).text()).contains("Only users of level 3 and up can be auto-assigned.");
            assertThat(listedNames()).isEmpty();
        });
    }

    @Test
    void web_filing_assigns_auto_assignees() {
        node.wiring.autoAssignees.add(node.viewer(uma), printers.id(), null, Origin.WEB);
        node.wiring.autoAssignees.add(node.viewer(asha), printers.id(), null, Origin.WEB);
        Product scanners = node.product("Scanners", "Public");
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "cora");

            long printerTicket = fileOnWeb(browser, printers, "Paper jam");
            long scannerTicket = fileOnWeb(browser, scanners, "Glass cracked");

            assertThat(node.wiring.tickets.show(node.admin(), printerTicket).assignees()).containsExactly("asha", "uma");
            assertThat(node.wiring.tickets.show(node.admin(), scannerTicket).assignees()).isEmpty();
            assertThat(node.wiring.tickets.show(node.admin(), printerTicket).changes()).isEmpty();
        });
    }

    @Test
    void filing_skips_inactive_auto_assignees() {
        node.wiring.autoAssignees.add(node.viewer(uma), printers.id(), null, Origin.WEB);
        node.wiring.autoAssignees.add(node.viewer(asha), printers.id(), null, Origin.WEB);
        User olga = node.user("olga", Level.TICKETS_MANAGEMENT);
        node.wiring.autoAssignees.add(node.viewer(olga), printers.id(), null, Origin.WEB);
        node.wiring.database.write().useHandle(handle -> {
            handle.execute("UPDATE users SET disabled = 1 WHERE id = ?", olga.id());
            handle.execute("UPDATE users SET level = 2 WHERE id = ?", asha.id());
        });
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "cora");

            long id = fileOnWeb(browser, printers, "Paper jam");
            Document page = Jsoup.parse(signedIn(client.getOrigin(), "uma").get("/projects/" + printers.id()).body());

            assertThat(node.wiring.tickets.show(node.admin(), id).assignees()).containsExactly("uma");
            assertThat(page.select("#auto-assign li").eachText()).containsExactly("uma",
                    "asha not assigned: disabled or below level 3", "olga not assigned: disabled or below level 3");
        });
    }

    @Test
    void api_filing_assigns_auto_assignees() {
        node.wiring.autoAssignees.add(node.viewer(uma), printers.id(), null, Origin.WEB);
        node.http((server, client) -> {
            Browser api = new Browser(client.getOrigin());

            Browser.Page response = api.postRaw("/", Map.of("api", "add_ticket", "key", TestNodePoint.WRITE_KEY, "product_id",
                    String.valueOf(printers.id()), "release_id", "1.0", "title", "Paper jam", "description", "Tray 2 jams"));
            long id = Long.parseLong(response.body().replaceAll("(?s).*Ticket (\\d+) added.*", "$1"));

            assertThat(response.body()).contains("\"status\": \"OK\"");
            assertThat(node.wiring.tickets.show(node.admin(), id).assignees()).containsExactly("uma");
        });
    }

    private long fileOnWeb(Browser browser, Product product, String title) {
        browser.get("/tickets/new?product=" + product.id());
        Browser.Page created = browser.post("/tickets", Map.of("productId", String.valueOf(product.id()), "release", "",
                "priority", "Normal", "title", title, "description", "Filed from the web form"));
        assertThat(created.status()).as("status of filing %s", title).isEqualTo(302);
        return Long.parseLong(created.location().replaceFirst("^/tickets/", ""));
    }

    private List<String> listedNames() {
        return node.wiring.autoAssignees.list(printers.id()).stream().map(AutoAssignee::name).toList();
    }

    private static Browser signedIn(String origin, String name) {
        Browser browser = new Browser(origin);
        assertThat(browser.signIn(name, TestNodePoint.PASSWORD).status()).as("sign-in of %s", name).isEqualTo(302);
        return browser;
    }
}
