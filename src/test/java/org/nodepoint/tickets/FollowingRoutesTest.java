package org.nodepoint.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import org.nodepoint.events.DomainEvent;
import org.nodepoint.events.Origin;
import org.nodepoint.events.TicketFollowed;
import org.nodepoint.projects.Product;
import org.nodepoint.projects.ProductForm;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;

/** Following and unfollowing tickets on the ticket page, and the followed tickets on the home page and /following. */
class FollowingRoutesTest {
    @TempDir
    Path folder;

    private TestNodePoint node;
    private Product printers;
    private User reader;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder, Map.of(Settings.TICKET_VISIBILITY, "Public", Settings.PAGE_LENGTH, "5"));
        printers = node.product("Printers", "Public");
        reader = node.user("reader", Level.UNAUTHORIZED);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void follow_adds_viewer_to_followers() {
        long id = node.ticket(node.admin(), printers, "Paper jam", "Tray 2 jams");
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reader");
            browser.get("/tickets/" + id);

            Browser.Page followed = browser.post("/tickets/" + id + "/follow", Map.of());
            Document page = Jsoup.parse(browser.get("/tickets/" + id).body());

            assertThat(followed.status()).isEqualTo(302);
            assertThat(followed.location()).isEqualTo("/tickets/" + id);
            assertThat(followerNames(id)).containsExactly("reader");
            assertThat(page.select("form[action=/tickets/" + id + "/unfollow] button").text()).isEqualTo("Unfollow");
            assertThat(page.select("form[action=/tickets/" + id + "/follow]")).isEmpty();
        });
    }

    @Test
    void unfollow_removes_viewer_from_followers() {
        long id = node.ticket(node.admin(), printers, "Paper jam", "Tray 2 jams");
        node.wiring.following.follow(node.viewer(reader), id, Origin.WEB);
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reader");
            browser.get("/tickets/" + id);

            Browser.Page unfollowed = browser.post("/tickets/" + id + "/unfollow", Map.of());

            assertThat(unfollowed.status()).isEqualTo(302);
            assertThat(followerNames(id)).isEmpty();
            assertThat(Jsoup.parse(browser.get("/tickets/" + id).body()).select("form[action=/tickets/" + id + "/follow]")).hasSize(1);
        });
    }

    @Test
    void unfollow_without_following_shows_notice() {
        long id = node.ticket(node.admin(), printers, "Paper jam", "Tray 2 jams");
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reader");
            browser.get("/tickets/" + id);

            browser.post("/tickets/" + id + "/unfollow", Map.of());
            Document page = Jsoup.parse(browser.get("/tickets/" + id).body());

            assertThat(page.text()).contains("You did not follow ticket " + id + ".");
        });
    }

    @Test
    void following_twice_keeps_one_row() {
        long id = node.ticket(node.admin(), printers, "Paper jam", "Tray 2 jams");
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reader");
            browser.get("/tickets/" + id);

            browser.post("/tickets/" + id + "/follow", Map.of());
            Browser.Page again = browser.post("/tickets/" + id + "/follow", Map.of());

            assertThat(again.status()).isEqualTo(302);
            assertThat(followerNames(id)).containsExactly("reader");
        });
    }

    @Test
    void hidden_ticket_cannot_be_followed() {
        Product vault = node.product("Vault", "Restricted");
        long id = node.ticket(node.admin(), vault, "Lock broken", "The vault lock sticks");
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reader");
            browser.get("/");

            Browser.Page denied = browser.post("/tickets/" + id + "/follow", Map.of());

            assertThat(denied.status()).isEqualTo(404);
            assertThat(followerNames(id)).isEmpty();
        });
    }

    @Test
    void guest_sees_no_follow_form() {
        long id = node.ticket(node.admin(), printers, "Paper jam", "Tray 2 jams");
        node.http((server, client) -> {
            Document page = Jsoup.parse(new Browser(client.getOrigin()).get("/tickets/" + id).body());

            assertThat(page.select("form[action$=/follow]")).isEmpty();
        });
    }

    @Test
    void follow_publishes_ticket_followed() {
        long id = node.ticket(node.admin(), printers, "Paper jam", "Tray 2 jams");
        node.wiring.events.awaitDelivered(Duration.ofSeconds(10));
        List<DomainEvent> received = new ArrayList<>();
        node.wiring.events.subscribe(event -> {
            synchronized (received) {
                received.add(event);
            }
        });
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reader");
            browser.get("/tickets/" + id);

            browser.post("/tickets/" + id + "/follow", Map.of());
            node.wiring.events.awaitDelivered(Duration.ofSeconds(10));

            synchronized (received) {
                assertThat(received).containsExactly(new TicketFollowed(id, reader.id(), Origin.WEB));
            }
        });
    }

    @Test
    void home_lists_followed_open_tickets() {
        long open = node.ticket(node.admin(), printers, "Paper jam", "Tray 2 jams");
        long closed = node.ticket(node.admin(), printers, "Toner empty", "Replaced");
        node.ticket(node.admin(), printers, "Not followed", "Nobody follows this");
        for (long id : List.of(open, closed)) {
            node.wiring.following.follow(node.viewer(reader), id, Origin.WEB);
        }
        node.wiring.tickets.update(node.admin(), closed, new TicketUpdate(null, null, "Closed", "Replaced", null, null, null, null), Origin.WEB);
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reader");

            Document home = Jsoup.parse(browser.get("/").body());

            assertThat(followedSection(home).select("td.title a").eachText()).containsExactly("Paper jam");
            assertThat(followedSection(home).select("a[href=/following]")).isEmpty();
        });
    }

    @Test
    void home_links_to_all_followed_tickets() {
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            long id = node.ticket(node.admin(), printers, "Ticket " + i, "Description " + i);
            node.wiring.following.follow(node.viewer(reader), id, Origin.WEB);
            ids.add(id);
        }
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reader");

            Document home = Jsoup.parse(browser.get("/").body());
            Document secondPage = Jsoup.parse(browser.get("/following?page=2").body());

            assertThat(followedSection(home).select("td.title a")).hasSize(10);
            assertThat(followedSection(home).select("td.title a").first().text()).isEqualTo("Ticket 12");
            assertThat(followedSection(home).select("a[href=/following]").text()).isEqualTo("Show all 12 tickets you follow");
            assertThat(secondPage.select("td.title a").eachText()).containsExactly("Ticket 7", "Ticket 6", "Ticket 5", "Ticket 4", "Ticket 3");
            assertThat(secondPage.text()).contains("6–10 of 12");
        });
    }

    @Test
    void followed_list_skips_invisible_tickets() {
        Product vault = node.product("Vault", "Public");
        long id = node.ticket(node.admin(), vault, "Lock broken", "The vault lock sticks");
        node.wiring.following.follow(node.viewer(reader), id, Origin.WEB);
        node.wiring.products.update(node.admin(), vault.id(), new ProductForm("Vault", "", "", "Restricted", ""));
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reader");

            Document following = Jsoup.parse(browser.get("/following").body());

            assertThat(following.select("td.title a")).isEmpty();
            assertThat(following.text()).contains("You follow no open tickets.");
        });
    }

    private List<String> followerNames(long ticketId) {
        return node.wiring.tickets.show(node.admin(), ticketId).followers();
    }

    private static Element followedSection(Document home) {
        return home.selectFirst("section[aria-labelledby=followed-heading]");
    }

    private static Browser signedIn(String origin, String name) {
        Browser browser = new Browser(origin);
        assertThat(browser.signIn(name, TestNodePoint.PASSWORD).status()).as("sign-in of %s", name).isEqualTo(302);
        return browser;
    }
}
