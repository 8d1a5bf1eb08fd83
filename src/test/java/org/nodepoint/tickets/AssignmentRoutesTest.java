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
import org.nodepoint.config.Settings;
import org.nodepoint.events.Origin;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;

/** Assigning users to a ticket and removing them, on the ticket page. */
class AssignmentRoutesTest {
    @TempDir
    Path folder;

    private TestNodePoint node;
    private long ticketId;
    private User uma;
    private User asha;
    private User fred;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder, Map.of(Settings.TICKET_VISIBILITY, "Public"));
        Product printers = node.product("Printers", "Public");
        ticketId = node.ticket(node.admin(), printers, "Paper jam", "Tray 2 jams");
        uma = node.user("uma", Level.TICKETS_MANAGEMENT);
        asha = node.user("asha", Level.PROJECTS_MANAGEMENT);
        fred = node.user("fred", Level.RESTRICTED_VIEW);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void manager_assigns_self() {
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "uma");
            browser.get("/tickets/" + ticketId);

            Browser.Page assigned = browser.post("/tickets/" + ticketId + "/assignees", Map.of("userId", String.valueOf(uma.id())));

            assertThat(assigned.status()).isEqualTo(302);
            assertThat(assigned.location()).isEqualTo("/tickets/" + ticketId + "#assignees");
            assertThat(assigneeNames()).containsExactly("uma");
        });
    }

    @Test
    void assign_me_button_names_the_viewer() {
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "uma");

            Document page = Jsoup.parse(browser.get("/tickets/" + ticketId).body());

            assertThat(page.select("#assignees form[action=/tickets/" + ticketId + "/assignees] input[name=userId][type=hidden]").attr("value"))
                    .isEqualTo(String.valueOf(uma.id()));
            assertThat(page.select("#assign-user option").eachText()).containsExactly("admin", "asha", "uma");
        });
    }

    @Test
    void manager_assigns_another_manager() {
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "uma");
            browser.get("/tickets/" + ticketId);

            browser.post("/tickets/" + ticketId + "/assignees", Map.of("userId", String.valueOf(asha.id())));
            Document page = Jsoup.parse(browser.get("/tickets/" + ticketId).body());

            assertThat(assigneeNames()).containsExactly("asha");
            assertThat(page.select("#assignees .assignee").eachText()).containsExactly("asha");
            assertThat(page.select("#assign-user option").eachText()).containsExactly("admin", "uma");
        });
    }

    @Test
    void assigning_level_two_user_is_rejected() {
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "uma");
            browser.get("/tickets/" + ticketId);

            Browser.Page rejected = browser.post("/tickets/" + ticketId + "/assignees", Map.of("userId", String.valueOf(fred.id())));

            assertThat(rejected.status()).isEqualTo(422);
            assertThat(Jsoup.parse(rejected.body()).text()).contains("Only users of level 3 and up can be assigned.");
            assertThat(assigneeNames()).isEmpty();
            assertThat(node.wiring.tickets.show(node.admin(), ticketId).changes()).isEmpty();
        });
    }

    @Test
    void assigning_unknown_user_is_rejected() {
        User olga = node.user("olga", Level.TICKETS_MANAGEMENT);
        node.wiring.database.write().useHandle(handle -> handle.execute("UPDATE users SET disabled = 1 WHERE id = ?", olga.id()));
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "uma");
            browser.get("/tickets/" + ticketId);

            Browser.Page disabled = browser.post("/tickets/" + ticketId + "/assignees", Map.of("userId", String.valueOf(olga.id())));
            Browser.Page unknown = browser.post("/tickets/" + ticketId + "/assignees", Map.of("userId", "999999"));
            Browser.Page notNumber = browser.post("/tickets/" + ticketId + "/assignees", Map.of("userId", "uma"));

            assertThat(disabled.status()).isEqualTo(422);
            assertThat(unknown.status()).isEqualTo(422);
            assertThat(notNumber.status()).isEqualTo(422);
            assertThat(Jsoup.parse(notNumber.body()).text()).contains("Choose the user to assign from the list.");
            assertThat(assigneeNames()).isEmpty();
        });
    }

    @Test
    void level_two_cannot_assign() {
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "fred");
            Document page = Jsoup.parse(browser.get("/tickets/" + ticketId).body());

            Browser.Page denied = browser.post("/tickets/" + ticketId + "/assignees", Map.of("userId", String.valueOf(uma.id())));

            assertThat(page.select("#assignees")).isEmpty();
            assertThat(denied.status()).isEqualTo(403);
            assertThat(assigneeNames()).isEmpty();
        });
    }

    @Test
    void assignment_is_recorded_in_history() {
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "uma");
            browser.get("/tickets/" + ticketId);

            browser.post("/tickets/" + ticketId + "/assignees", Map.of("userId", String.valueOf(uma.id())));
            browser.post("/tickets/" + ticketId + "/assignees", Map.of("userId", String.valueOf(asha.id())));
            TicketDetails details = node.wiring.tickets.show(node.admin(), ticketId);

            assertThat(details.changes()).hasSize(2);
            assertThat(details.changes().get(1).userName()).isEqualTo("uma");
            assertThat(details.changes().get(1).fields()).containsExactly(new TicketChange.FieldChange("assignees", "uma", "asha, uma"));
            assertThat(details.ticket().updatedAt()).isNotNull();
            assertThat(details.ticket().version()).isZero();
        });
    }

    @Test
    void assigning_twice_keeps_one_row() {
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "uma");
            browser.get("/tickets/" + ticketId);

            browser.post("/tickets/" + ticketId + "/assignees", Map.of("userId", String.valueOf(asha.id())));
            Browser.Page again = browser.post("/tickets/" + ticketId + "/assignees", Map.of("userId", String.valueOf(asha.id())));

            assertThat(again.status()).isEqualTo(302);
            assertThat(assigneeNames()).containsExactly("asha");
            assertThat(node.wiring.tickets.show(node.admin(), ticketId).changes()).hasSize(1);
        });
    }

    @Test
    void manager_removes_assignee() {
        node.wiring.assignments.assign(node.viewer(asha), ticketId, asha.id(), Origin.WEB);
        node.wiring.assignments.assign(node.viewer(asha), ticketId, uma.id(), Origin.WEB);
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "uma");
            browser.get("/tickets/" + ticketId);

            Browser.Page removed = browser.post("/tickets/" + ticketId + "/assignees/remove", Map.of("userId", String.valueOf(asha.id())));
            List<TicketChange> changes = node.wiring.tickets.show(node.admin(), ticketId).changes();

            assertThat(removed.status()).isEqualTo(302);
            assertThat(assigneeNames()).containsExactly("uma");
            assertThat(changes.get(changes.size() - 1).fields()).containsExactly(new TicketChange.FieldChange("assignees", "asha, uma", "uma"));
        });
    }

    @Test
    void removing_non_assignee_changes_nothing() {
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "uma");
            browser.get("/tickets/" + ticketId);

            Browser.Page page = browser.post("/tickets/" + ticketId + "/assignees/remove", Map.of("userId", String.valueOf(asha.id())));

            assertThat(page.status()).isEqualTo(302);
            assertThat(node.wiring.tickets.show(node.admin(), ticketId).changes()).isEmpty();
        });
    }

    private List<String> assigneeNames() {
        return node.wiring.tickets.show(node.admin(), ticketId).assignees();
    }

    private static Browser signedIn(String origin, String name) {
        Browser browser = new Browser(origin);
        assertThat(browser.signIn(name, TestNodePoint.PASSWORD).status()).as("sign-in of %s", name).isEqualTo(302);
        return browser;
    }
}
