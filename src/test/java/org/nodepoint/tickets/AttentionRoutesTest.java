package org.nodepoint.tickets;

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
import org.nodepoint.config.Settings;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;

/** "Notify user" on a ticket update: the attention flag on the user's home page until they clear it. */
class AttentionRoutesTest {
    @TempDir
    Path folder;

    private TestNodePoint node;
    private Product printers;
    private long ticketId;
    private User cora;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder, Map.of(Settings.TICKET_VISIBILITY, "Public"));
        printers = node.product("Printers", "Public");
        ticketId = node.ticket(node.admin(), printers, "Paper jam", "Tray 2 jams");
        node.user("uma", Level.TICKETS_MANAGEMENT);
        cora = node.user("cora", Level.AUTHORIZED);
        node.user("dora", Level.AUTHORIZED);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void notify_shows_flag_on_home_page() {
        node.http((server, client) -> {
            Browser uma = signedIn(client.getOrigin(), "uma");

            Browser.Page saved = update(uma, ticketId, Map.of("notify", String.valueOf(cora.id())));
            Document home = Jsoup.parse(signedIn(client.getOrigin(), "cora").get("/").body());

            assertThat(saved.status()).isEqualTo(302);
            assertThat(home.select(".attention-flag").text()).contains("Ticket " + ticketId + " needs your attention: Paper jam")
                    .contains("asked by uma");
            assertThat(home.select(".attention-flag a").attr("href")).isEqualTo("/tickets/" + ticketId);
        });
    }

    @Test
    void notify_alone_leaves_ticket_unchanged() {
        node.http((server, client) -> {
            Browser uma = signedIn(client.getOrigin(), "uma");

            update(uma, ticketId, Map.of("notify", String.valueOf(cora.id())));
            Document page = Jsoup.parse(uma.get("/tickets/" + ticketId).body());

            assertThat(node.wiring.tickets.show(node.admin(), ticketId).changes()).isEmpty();
            assertThat(page.select(".alert").text()).contains("The ticket is flagged for the attention of cora.");
        });
    }

    @Test
    void notify_with_changes_saves_both() {
        node.http((server, client) -> {
            Browser uma = signedIn(client.getOrigin(), "uma");

            update(uma, ticketId, Map.of("status", "Open", "notify", String.valueOf(cora.id())));

            assertThat(node.wiring.tickets.findById(ticketId).orElseThrow().status()).isEqualTo("Open");
            assertThat(flaggedTickets(cora)).containsExactly(ticketId);
        });
    }

    @Test
    void flagged_user_clears_flag() {
        node.http((server, client) -> {
            update(signedIn(client.getOrigin(), "uma"), ticketId, Map.of("notify", String.valueOf(cora.id())));
            Browser coraBrowser = signedIn(client.getOrigin(), "cora");
            coraBrowser.get("/");

            Browser.Page cleared = coraBrowser.post("/tickets/" + ticketId + "/attention/clear", Map.of());
            Document home = Jsoup.parse(coraBrowser.get("/").body());

            assertThat(cleared.status()).isEqualTo(302);
            assertThat(cleared.location()).isEqualTo("/");
            assertThat(home.select(".attention-flag")).isEmpty();
            assertThat(flaggedTickets(cora)).isEmpty();
        });
    }

    @Test
    void other_user_cannot_clear_flag() {
        node.http((server, client) -> {
            Browser uma = signedIn(client.getOrigin(), "uma");
            update(uma, ticketId, Map.of("notify", String.valueOf(cora.id())));
            Browser dora = signedIn(client.getOrigin(), "dora");
            dora.get("/");

            dora.post("/tickets/" + ticketId + "/attention/clear", Map.of());
            uma.get("/");
            uma.post("/tickets/" + ticketId + "/attention/clear", Map.of());

            assertThat(flaggedTickets(cora)).containsExactly(ticketId);
            assertThat(Jsoup.parse(signedIn(client.getOrigin(), "cora").get("/").body()).select(".attention-flag")).hasSize(1);
        });
    }

    @Test
    void notify_rejects_user_who_cannot_read() {
        Product vault = node.product("Vault", "Restricted");
        long hidden = node.ticket(node.admin(), vault, "Lock broken", "The vault lock sticks");
        node.http((server, client) -> {
            Browser uma = signedIn(client.getOrigin(), "uma");

            Browser.Page rejected = update(uma, hidden, Map.of("status", "Open", "notify", String.valueOf(cora.id())));
            Document page = Jsoup.parse(rejected.body());

            assertThat(rejected.status()).isEqualTo(422);
            assertThat(page.select("#notify-error").text()).contains("Choose a user from the list");
            assertThat(node.wiring.tickets.findById(hidden).orElseThrow().status()).isEqualTo("New");
            assertThat(flaggedTickets(cora)).isEmpty();
        });
    }

    @Test
    void notify_select_lists_only_readers() {
        Product vault = node.product("Vault", "Restricted");
        long visible = node.ticket(node.viewer(cora), printers, "Printer", "Visible to all");
        long restricted = node.ticket(node.admin(), vault, "Lock broken", "The vault lock sticks");
        node.user("fred", Level.RESTRICTED_VIEW);
        node.user("zed", Level.UNAUTHORIZED);
        node.http((server, client) -> {
            Browser uma = signedIn(client.getOrigin(), "uma");

            List<String> publicOptions = Jsoup.parse(uma.get("/tickets/" + visible).body()).select("#notify option").eachText();
            List<String> restrictedOptions = Jsoup.parse(uma.get("/tickets/" + restricted).body()).select("#notify option").eachText();

            assertThat(publicOptions).containsExactly("(nobody)", "admin", "cora", "dora", "fred", "uma");
            assertThat(restrictedOptions).containsExactly("(nobody)", "admin", "fred", "uma");
        });
    }

    private List<Long> flaggedTickets(User user) {
        return node.wiring.attention.flagsOf(node.viewer(user), 50).flags().stream().map(AttentionFlag::ticketId).toList();
    }

    /** Submits the update form with the ticket's current values, except for {@code changes}. */
    private Browser.Page update(Browser browser, long id, Map<String, String> changes) {
        Ticket ticket = node.wiring.tickets.findById(id).orElseThrow();
        browser.get("/tickets/" + id);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("version", String.valueOf(ticket.version()));
        form.put("title", ticket.title());
        form.put("description", ticket.description());
        form.put("status", ticket.status());
        form.put("resolution", ticket.resolution());
        form.put("priority", ticket.priorityLevel().label());
        form.put("release", ticket.release());
        form.put("note", "");
        form.put("notify", "");
        form.putAll(changes);
        return browser.post("/tickets/" + id, form);
    }

    private static Browser signedIn(String origin, String name) {
        Browser browser = new Browser(origin);
        assertThat(browser.signIn(name, TestNodePoint.PASSWORD).status()).as("sign-in of %s", name).isEqualTo(302);
        return browser;
    }
}
