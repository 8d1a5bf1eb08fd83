package org.nodepoint.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.clients.Client;
import org.nodepoint.config.Component;
import org.nodepoint.events.DomainEvent;
import org.nodepoint.events.ItemApproved;
import org.nodepoint.events.ItemDenied;
import org.nodepoint.events.ItemRequested;
import org.nodepoint.events.ItemReturned;
import org.nodepoint.events.Origin;
import org.nodepoint.projects.Product;
import org.nodepoint.submissions.Submission;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.SystemLogTable;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;

/** The inventory pages over real HTTP: requests and their approval or denial, returns, the list, editing and the home page. */
class ItemRoutesTest {
    private static final String SECRET = "Locker 12, code 4711";

    @TempDir
    Path folder;

    private TestNodePoint node;
    private User rita;
    private User otto;
    private final List<DomainEvent> events = new ArrayList<>();

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder);
        rita = node.user("rita", Level.AUTHORIZED);
        otto = node.user("otto", Level.AUTHORIZED);
        node.user("maya", Level.PROJECTS_MANAGEMENT);
        node.wiring.events.subscribe(event -> {
            synchronized (events) {
                events.add(event);
            }
        });
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private long item(String name, String serial, boolean needsApproval) {
        return node.wiring.items.add(node.admin(), new ItemForm(name, "Laptop", serial, "", "", needsApproval, SECRET),
                ItemRules.TypeRule.LISTED, Submission.NONE);
    }

    private Browser signedIn(String origin, String name) {
        Browser browser = new Browser(origin);
        assertThat(browser.signIn(name, TestNodePoint.PASSWORD).status()).isEqualTo(302);
        return browser;
    }

    private List<DomainEvent> delivered() {
        node.wiring.events.awaitDelivered(Duration.ofSeconds(5));
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    private static String status(Browser.Page page) {
        return Jsoup.parse(page.body()).select("#item-status").text();
    }

    @Test
    void approval_cycle_shows_info_to_holder_only() {
        long id = item("ThinkPad X1", "PF-100", true);
        node.http((server, client) -> {
            Browser requester = signedIn(client.getOrigin(), "rita");
            Browser other = signedIn(client.getOrigin(), "otto");
            Browser manager = signedIn(client.getOrigin(), "maya");
            requester.get("/items/" + id);

            Browser.Page requested = requester.post("/items/" + id + "/checkout", Map.of());

            assertThat(requested.status()).isEqualTo(302);
            Browser.Page waiting = requester.get("/items/" + id);
            assertThat(status(waiting)).isEqualTo("Awaiting approval");
            assertThat(waiting.body()).contains("You asked to check out item " + id).doesNotContain(SECRET);
            assertThat(Jsoup.parse(manager.get("/items/approvals").body()).select("td.title a").eachText()).containsExactly("ThinkPad X1");

            Browser.Page approved = manager.post("/items/" + id + "/approve", Map.of("back", "approvals"));

            assertThat(approved.location()).isEqualTo("/items/approvals");
            Browser.Page held = requester.get("/items/" + id);
            assertThat(status(held)).isEqualTo("Checked out");
            assertThat(Jsoup.parse(held.body()).select("#item-info").text()).contains(SECRET);
            assertThat(other.get("/items/" + id).body()).doesNotContain(SECRET);
            assertThat(manager.get("/items/" + id).body()).contains(SECRET);

            Browser.Page returned = requester.post("/items/" + id + "/return", Map.of());

            assertThat(returned.status()).isEqualTo(302);
            Browser.Page after = requester.get("/items/" + id);
            assertThat(status(after)).isEqualTo("Available");
            assertThat(after.body()).doesNotContain(SECRET);
            assertThat(Jsoup.parse(after.body()).select("#item-history li").eachText())
                    .anySatisfy(line -> assertThat(line).endsWith("rita returned it."))
                    .anySatisfy(line -> assertThat(line).endsWith("maya approved the request of rita."))
                    .anySatisfy(line -> assertThat(line).endsWith("rita asked to check it out."));
        });
        assertThat(delivered()).containsExactly(
                new ItemRequested(id, rita.id(), rita.id(), Origin.WEB),
                new ItemApproved(id, rita.id(), node.wiring.users.findByName("maya").orElseThrow().id(), Origin.WEB),
                new ItemReturned(id, rita.id(), rita.id(), Origin.WEB));
    }

    @Test
    void hidden_project_and_client_left_out() {
        Product hidden = node.product("Secret-Restricted", "Restricted");
        Client owner = node.client("Northwind Traders", "Paid");
        long id = node.wiring.items.add(node.admin(), new ItemForm("Badge reader", "Laptop", "", String.valueOf(hidden.id()),
                String.valueOf(owner.id()), false, ""), ItemRules.TypeRule.LISTED, Submission.NONE);
        node.http((server, client) -> {
            String forUser = signedIn(client.getOrigin(), "rita").get("/items/" + id).body();
            String forManager = signedIn(client.getOrigin(), "maya").get("/items/" + id).body();

            assertThat(forUser).contains("Badge reader").doesNotContain("Secret-Restricted", "Northwind Traders", "/projects/" + hidden.id());
            assertThat(forManager).contains("Secret-Restricted", "Northwind Traders");
        });
    }

    @Test
    void denied_request_makes_item_available() {
        long id = item("Projector", null, true);
        node.wiring.items.checkouts().checkOut(node.viewer(rita), id, Origin.WEB);
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "maya");
            manager.get("/items/" + id);

            Browser.Page denied = manager.post("/items/" + id + "/deny", Map.of());

            assertThat(denied.location()).isEqualTo("/items/" + id);
            Browser.Page page = manager.get("/items/" + id);
            assertThat(status(page)).isEqualTo("Available");
            assertThat(page.body()).contains("maya denied the request of rita.");
        });
        assertThat(delivered()).last().isEqualTo(new ItemDenied(id, rita.id(), node.wiring.users.findByName("maya").orElseThrow().id(),
                Origin.WEB));
    }

    @Test
    void requester_withdraws_from_home_page() {
        long id = item("Camera", "CAM-1", true);
        node.http((server, client) -> {
            Browser requester = signedIn(client.getOrigin(), "rita");
            requester.get("/items/" + id);
            requester.post("/items/" + id + "/checkout", Map.of());
            Document home = Jsoup.parse(requester.get("/").body());
            assertThat(home.select("#home-items a").eachText()).containsExactly("Camera (CAM-1)");
            assertThat(home.select("#home-items button").eachText()).containsExactly("Withdraw request");

            Browser.Page withdrawn = requester.post("/items/" + id + "/withdraw", Map.of("back", "home"));

            assertThat(withdrawn.location()).isEqualTo("/");
            assertThat(Jsoup.parse(requester.get("/").body()).select("#home-items")).isEmpty();
            assertThat(requester.get("/items/" + id).body()).contains("rita withdrew their request.");
        });
    }

    @Test
    void home_page_counts_requests_for_managers() {
        long id = item("Camera", "CAM-1", true);
        node.wiring.items.checkouts().checkOut(node.viewer(rita), id, Origin.WEB);
        node.http((server, client) -> {
            Document managerHome = Jsoup.parse(signedIn(client.getOrigin(), "maya").get("/").body());
            Document userHome = Jsoup.parse(signedIn(client.getOrigin(), "otto").get("/").body());

            assertThat(managerHome.select("#home-approvals a").text()).isEqualTo("Checkout requests awaiting your approval: 1");
            assertThat(managerHome.select("#home-approvals a").attr("href")).isEqualTo("/items/approvals");
            assertThat(userHome.select("#home-approvals")).isEmpty();
        });
    }

    @Test
    void holder_returns_from_home_page() {
        long id = item("Drill", "D-1", false);
        node.wiring.items.checkouts().checkOut(node.viewer(rita), id, Origin.WEB);
        node.http((server, client) -> {
            Browser holder = signedIn(client.getOrigin(), "rita");
            Document home = Jsoup.parse(holder.get("/").body());
            assertThat(home.select("#home-items button").eachText()).containsExactly("Return");

            Browser.Page returned = holder.post("/items/" + id + "/return", Map.of("back", "home"));

            assertThat(returned.location()).isEqualTo("/");
            assertThat(node.wiring.items.find(id).state()).isEqualTo(ItemStatus.AVAILABLE);
        });
    }

    @Test
    void other_user_cannot_return_item() {
        long id = item("Drill", "D-1", false);
        node.wiring.items.checkouts().checkOut(node.viewer(rita), id, Origin.WEB);
        node.http((server, client) -> {
            Browser other = signedIn(client.getOrigin(), "otto");
            other.get("/items/" + id);

            Browser.Page refused = other.post("/items/" + id + "/return", Map.of());

            assertThat(refused.status()).isEqualTo(403);
            assertThat(node.wiring.items.find(id).holderId()).isEqualTo(rita.id());
        });
    }

    @Test
    void manager_returns_item_for_holder() {
        long id = item("Drill", "D-1", false);
        node.wiring.items.checkouts().checkOut(node.viewer(rita), id, Origin.WEB);
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "maya");
            manager.get("/items/" + id);

            manager.post("/items/" + id + "/return", Map.of());

            assertThat(manager.get("/items/" + id).body()).contains("maya returned it for rita.");
        });
        assertThat(delivered()).last().isEqualTo(new ItemReturned(id, rita.id(), node.wiring.users.findByName("maya").orElseThrow().id(),
                Origin.WEB));
    }

    @Test
    void checkout_of_unavailable_item_is_refused() {
        long id = item("Drill", "D-1", false);
        node.wiring.items.makeUnavailable(node.admin(), id);
        node.http((server, client) -> {
            Browser user = signedIn(client.getOrigin(), "rita");
            user.get("/items/" + id);

            Browser.Page refused = user.post("/items/" + id + "/checkout", Map.of());

            assertThat(refused.status()).isEqualTo(422);
            assertThat(Jsoup.parse(refused.body()).select("#action-error").text())
                    .isEqualTo("This item is not available: it was made unavailable.");
            assertThat(node.wiring.items.find(id).state()).isEqualTo(ItemStatus.UNAVAILABLE);
        });
    }

    @Test
    void held_item_cannot_be_made_unavailable() {
        long id = item("Drill", "D-1", false);
        node.wiring.items.checkouts().checkOut(node.viewer(rita), id, Origin.WEB);
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "maya");
            manager.get("/items/" + id);

            Browser.Page refused = manager.post("/items/" + id + "/unavailable", Map.of());

            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body()).contains("Return it or deny the request first.");
            assertThat(node.wiring.items.find(id).state()).isEqualTo(ItemStatus.CHECKED_OUT);
        });
    }

    @Test
    void manager_assigns_item_by_name() {
        long id = item("Phone", "PH-1", true);
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "maya");
            manager.get("/items/" + id);

            Browser.Page unknown = manager.post("/items/" + id + "/assign", Map.of("user", "nobody"));
            Browser.Page assigned = manager.post("/items/" + id + "/assign", Map.of("user", "RITA"));

            assertThat(unknown.status()).isEqualTo(422);
            assertThat(Jsoup.parse(unknown.body()).select("#assign-user").attr("value")).isEqualTo("nobody");
            assertThat(unknown.body()).contains("No enabled user of level 1 or higher has this name.");
            assertThat(assigned.status()).isEqualTo(302);
            Item item = node.wiring.items.find(id);
            assertThat(item.state()).isEqualTo(ItemStatus.CHECKED_OUT);
            assertThat(item.holderId()).isEqualTo(rita.id());
        });
    }

    @Test
    void add_form_rejects_invalid_fields_and_keeps_values() {
        long existing = item("Dock", "SN-42", false);
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "maya");
            manager.get("/items");

            Browser.Page rejected = manager.post("/items", Map.of("name", "", "type", "Spaceship", "serial", "sn-42",
                    "info", "Shelf 3", "needsApproval", "yes", "productId", "999"));

            assertThat(rejected.status()).isEqualTo(422);
            Document page = Jsoup.parse(rejected.body());
            assertThat(page.select("#name-error").text()).isEqualTo("The name is required and may have at most 100 characters.");
            assertThat(page.select("#type-error").text()).startsWith("Choose a type from the list: Desktop, Laptop");
            assertThat(page.select("#serial").attr("value")).isEqualTo("sn-42");
            assertThat(page.select("#info").text()).isEqualTo("Shelf 3");
            assertThat(page.select("#needsApproval").hasAttr("checked")).isTrue();
            assertThat(node.wiring.items.listAll()).hasSize(1);

            Browser.Page duplicate = manager.post("/items", Map.of("name", "Dock 2", "type", "Peripheral", "serial", "sn-42"));

            assertThat(duplicate.status()).isEqualTo(422);
            assertThat(Jsoup.parse(duplicate.body()).select("#serial-error").text())
                    .startsWith("This serial number is already used by item " + existing + ".");
        });
    }

    @Test
    void add_form_stores_item_once_per_token() {
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "maya");
            String token = Jsoup.parse(manager.get("/items").body()).select("input[name=_submission]").attr("value");
            Map<String, String> form = Map.of("name", "Keyboard", "type", "keyboard", "serial", "", "_submission", token);

            Browser.Page first = manager.post("/items", form);
            Browser.Page second = manager.post("/items", form);

            assertThat(first.location()).isEqualTo(second.location());
            assertThat(node.wiring.items.listAll()).singleElement().satisfies(item -> {
                assertThat(item.type()).isEqualTo("Keyboard");
                assertThat(item.serial()).isNull();
            });
        });
    }

    @Test
    void stale_edit_is_rejected() {
        long id = item("Dock", "SN-42", false);
        long version = node.wiring.items.find(id).version();
        node.wiring.items.edit(node.admin(), id, new ItemForm("Dock A", "Laptop", "SN-42", "", "", false, SECRET), null,
                ItemRules.TypeRule.LISTED);
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "maya");
            manager.get("/items/" + id + "/edit");

            Browser.Page stale = manager.post("/items/" + id, Map.of("version", String.valueOf(version), "name", "Dock B",
                    "type", "Laptop", "serial", "SN-42", "info", SECRET));

            assertThat(stale.status()).isEqualTo(422);
            assertThat(stale.body()).contains("Someone changed this item after you opened the form");
            assertThat(node.wiring.items.find(id).name()).isEqualTo("Dock A");
        });
    }

    @Test
    void edit_records_changed_fields_without_values() {
        long id = item("Dock", "SN-42", false);
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "maya");
            long version = node.wiring.items.find(id).version();
            manager.get("/items/" + id + "/edit");

            Browser.Page saved = manager.post("/items/" + id, Map.of("version", String.valueOf(version), "name", "Dock",
                    "type", "Laptop", "serial", "SN-42", "info", "New code 9999"));

            assertThat(saved.status()).isEqualTo(302);
            String page = manager.get("/items/" + id).body();
            assertThat(page).contains("maya changed info.");
            assertThat(Jsoup.parse(page).select("#item-history").text()).doesNotContain("9999");
        });
    }

    @Test
    void list_filters_by_status_type_and_prefix() {
        item("Alpha laptop", "AL-1", false);
        long beta = item("Beta laptop", "BE-1", false);
        node.wiring.items.add(node.admin(), new ItemForm("Gamma phone", "Phone", "GA-1", "", "", false, ""), ItemRules.TypeRule.LISTED,
                Submission.NONE);
        node.wiring.items.makeUnavailable(node.admin(), beta);
        node.http((server, client) -> {
            Browser user = signedIn(client.getOrigin(), "rita");

            List<String> unavailable = names(user.get("/items?status=unavailable"));
            List<String> phones = names(user.get("/items?type=Phone"));
            List<String> byName = names(user.get("/items?q=al"));
            List<String> bySerial = names(user.get("/items?q=ga-"));
            Browser.Page none = user.get("/items?q=100%25");

            assertThat(unavailable).containsExactly("Beta laptop");
            assertThat(phones).containsExactly("Gamma phone");
            assertThat(byName).containsExactly("Alpha laptop");
            assertThat(bySerial).containsExactly("Gamma phone");
            assertThat(Jsoup.parse(none.body()).select("#items-empty").text()).isEqualTo("No item matches these filters.");
            assertThat(names(user.get("/items"))).containsExactly("Alpha laptop", "Beta laptop", "Gamma phone");
        });
    }

    @Test
    void empty_list_says_so() {
        node.http((server, client) -> {
            Document page = Jsoup.parse(signedIn(client.getOrigin(), "rita").get("/items").body());

            assertThat(page.select("#items-empty").text()).isEqualTo("There are no items yet.");
            assertThat(page.select("#add-item")).isEmpty();
        });
    }

    @Test
    void switched_off_component_hides_pages() {
        long id = item("Dock", "SN-42", false);
        node.set(Component.ITEMS.key(), "off");
        node.http((server, client) -> {
            Browser user = signedIn(client.getOrigin(), "rita");

            assertThat(user.get("/items").status()).isEqualTo(404);
            assertThat(user.get("/items/" + id).status()).isEqualTo(404);
        });
    }

    @Test
    void delete_needs_confirmation_and_an_unheld_item() {
        long id = item("Dock", "SN-42", false);
        long held = item("Drill", "D-1", false);
        node.wiring.items.checkouts().checkOut(node.viewer(otto), held, Origin.WEB);
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "maya");
            manager.get("/items/" + id);

            Browser.Page unconfirmed = manager.post("/items/" + id + "/delete", Map.of());
            Browser.Page refused = manager.post("/items/" + held + "/delete", Map.of("confirm", "yes"));
            Browser.Page deleted = manager.post("/items/" + id + "/delete", Map.of("confirm", "yes"));

            assertThat(unconfirmed.status()).isEqualTo(422);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body()).contains("Return it or deny the request before you delete it.");
            assertThat(deleted.location()).isEqualTo("/items");
            assertThat(node.wiring.items.listAll()).extracting(Item::id).containsExactly(held);
            List<SystemLogTable.Row> log = SystemLogTable.rows(SystemLogTable.signedInAdmin(client.getOrigin()), "category=inventory");
            assertThat(log).extracting(SystemLogTable.Row::message).containsExactly("Deleted item Dock (id " + id + ", serial SN-42)");
            assertThat(log).extracting(SystemLogTable.Row::actor).containsExactly("maya");
        });
    }

    private static List<String> names(Browser.Page page) {
        assertThat(page.status()).isEqualTo(200);
        return Jsoup.parse(page.body()).select("table.table-items td.title a").eachText();
    }
}
