package org.nodepoint.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.SystemLogTable;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;

/** The clients directory: listing with paging and filter, the level gates, adding, editing and deleting clients. */
class ClientDirectoryRoutesTest {
    @TempDir
    Path folder;

    private TestNodePoint node;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder, Map.of(Settings.PAGE_LENGTH, "5"));
        node.user("viewer0", Level.UNAUTHORIZED);
        node.user("reader", Level.RESTRICTED_VIEW);
        node.user("staff", Level.TICKETS_MANAGEMENT);
        node.user("manager", Level.USERS_MANAGEMENT);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void directory_pages_by_name_with_totals() {
        for (String name : List.of("Golf", "alpha", "Echo", "Charlie", "Bravo", "Foxtrot", "Delta")) {
            node.client(name, "Paid");
        }
        node.http((server, client) -> {
            Browser reader = signedIn(client.getOrigin(), "reader");

            Document first = Jsoup.parse(reader.get("/clients").body());
            Document second = Jsoup.parse(reader.get("/clients?page=2").body());

            assertThat(first.select("#clients tbody td:first-child").eachText()).containsExactly("alpha", "Bravo", "Charlie", "Delta", "Echo");
            assertThat(first.select("nav[aria-label=Pages] span").first().text()).isEqualTo("1–5 of 7");
            assertThat(second.select("#clients tbody td:first-child").eachText()).containsExactly("Foxtrot", "Golf");
        });
    }

    @Test
    void status_filter_pages_one_status() {
        for (int i = 1; i <= 6; i++) {
            node.client("Prospect " + i, "Prospect");
        }
        node.client("Supplier 1", "Supplier");
        node.http((server, client) -> {
            Browser reader = signedIn(client.getOrigin(), "reader");

            Document prospects = Jsoup.parse(reader.get("/clients?status=Prospect").body());
            Document suppliers = Jsoup.parse(reader.get("/clients?status=supplier").body());

            assertThat(prospects.select("#clients tbody tr")).hasSize(5);
            assertThat(prospects.select("nav[aria-label=Pages] span").first().text()).isEqualTo("1–5 of 6");
            assertThat(prospects.select("a[rel=next]").attr("href")).isEqualTo("?status=Prospect&page=2");
            assertThat(prospects.select("#filter-status option[selected]").attr("value")).isEqualTo("Prospect");
            assertThat(suppliers.select("#clients tbody td:first-child").eachText()).containsExactly("Supplier 1");
        });
    }

    @Test
    void empty_directory_says_so() {
        node.client("Acme", "Paid");
        node.http((server, client) -> {
            Browser reader = signedIn(client.getOrigin(), "reader");

            String filtered = Jsoup.parse(reader.get("/clients?status=Closed").body()).select("#clients-empty").text();
            node.wiring.clients.delete(node.admin(), node.wiring.clients.findByName("Acme").orElseThrow().id());
            String empty = Jsoup.parse(reader.get("/clients").body()).select("#clients-empty").text();

            assertThat(filtered).isEqualTo("No client has the status Closed.");
            assertThat(empty).isEqualTo("The directory has no clients yet.");
        });
    }

    @Test
    void details_need_client_level() {
        Client acme = node.client("Acme", "Paid");
        node.http((server, client) -> {
            Browser viewer0 = signedIn(client.getOrigin(), "viewer0");
            Browser reader = signedIn(client.getOrigin(), "reader");
            Browser guest = new Browser(client.getOrigin());

            Document directory = Jsoup.parse(viewer0.get("/clients").body());

            assertThat(directory.select("#clients tbody td").eachText()).contains("Acme");
            assertThat(directory.select("#clients a")).isEmpty();
            assertThat(viewer0.get("/clients/" + acme.id()).status()).isEqualTo(403);
            assertThat(reader.get("/clients/" + acme.id()).status()).isEqualTo(200);
            assertThat(guest.get("/clients").location()).startsWith("/login");
        });
    }

    @Test
    void client_level_setting_moves_the_gate() {
        Client acme = node.client("Acme", "Paid");
        node.set(Settings.CLIENTS_LEVEL, "4");
        node.http((server, client) -> {
            Browser reader = signedIn(client.getOrigin(), "reader");
            Browser manager = signedIn(client.getOrigin(), "manager");

            assertThat(reader.get("/clients/" + acme.id()).status()).isEqualTo(403);
            assertThat(manager.get("/clients/" + acme.id()).status()).isEqualTo(200);
        });
    }

    @Test
    void directory_is_hidden_while_component_is_off() {
        node.client("Acme", "Paid");
        node.set("comp_clients", "off");
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");

            assertThat(manager.get("/clients").status()).isEqualTo(404);
            assertThat(Jsoup.parse(manager.get("/").body()).select("a[href=/clients]")).isEmpty();
        });
    }

    @Test
    void level_five_adds_client() {
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");
            manager.get("/clients");

            Browser.Page added = manager.post("/clients", Map.of("name", "  Acme   Corp ", "status", "unpaid", "contact", "ops@acme.example",
                    "notes", "Pays late.\r\nCall first."));

            assertThat(added.status()).isEqualTo(302);
            Client stored = node.wiring.clients.findByName("acme corp").orElseThrow();
            assertThat(added.location()).isEqualTo("/clients/" + stored.id());
            assertThat(stored.name()).isEqualTo("Acme Corp");
            assertThat(stored.status()).isEqualTo("Unpaid");
            assertThat(stored.contact()).isEqualTo("ops@acme.example");
            assertThat(stored.notes()).isEqualTo("Pays late.\nCall first.");
            assertThat(Jsoup.parse(manager.get(added.location()).body()).select("h1").text()).contains("Acme Corp", "Unpaid");
        });
    }

    @Test
    void below_level_five_cannot_change_clients() {
        Client acme = node.client("Acme", "Paid");
        node.http((server, client) -> {
            Browser staff = signedIn(client.getOrigin(), "staff");

            Document page = Jsoup.parse(staff.get("/clients").body());
            Browser.Page add = staff.post("/clients", Map.of("name", "Sneaky", "status", "Paid", "contact", "", "notes", ""));
            Browser.Page edit = staff.post("/clients/" + acme.id(), Map.of("version", "0", "name", "Renamed", "status", "Paid"));
            Browser.Page delete = staff.post("/clients/" + acme.id() + "/delete", Map.of("confirm", "yes"));

            assertThat(page.select("form[action=/clients][method=post]")).isEmpty();
            assertThat(add.status()).isEqualTo(403);
            assertThat(edit.status()).isEqualTo(403);
            assertThat(delete.status()).isEqualTo(403);
            assertThat(node.wiring.clients.listAll()).extracting(Client::name).containsExactly("Acme");
        });
    }

    @Test
    void invalid_client_form_names_fields() {
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");
            manager.get("/clients");

            Browser.Page page = manager.post("/clients", Map.of("name", "", "status", "Friend", "contact", "c".repeat(201),
                    "notes", "n".repeat(5_001)));

            assertThat(page.status()).isEqualTo(422);
            Document html = Jsoup.parse(page.body());
            assertThat(html.select("#name-error").text()).isEqualTo("Name must be 1 to 100 characters long.");
            assertThat(html.select("#status-error").text()).contains("Prospect, Supplier, Contact, Paid, Unpaid or Closed");
            assertThat(html.select("#contact-error").text()).isEqualTo("Contact must be at most 200 characters long.");
            assertThat(html.select("#notes-error").text()).isEqualTo("Notes must be at most 5000 characters long.");
            assertThat(html.select("#contact").val()).isEqualTo("c".repeat(201));
            assertThat(html.select("details[open]")).hasSize(1);
            assertThat(node.wiring.clients.listAll()).isEmpty();
        });
    }

    @Test
    void names_are_unique_ignoring_case() {
        Client acme = node.client("Acme Corp", "Paid");
        Client other = node.client("Other", "Paid");
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");
            manager.get("/clients");

            Browser.Page added = manager.post("/clients", Map.of("name", "ACME  corp", "status", "Paid", "contact", "", "notes", ""));
            manager.get("/clients/" + other.id() + "/edit");
            Browser.Page renamed = manager.post("/clients/" + other.id(), Map.of("version", String.valueOf(other.version()),
                    "name", "acme corp", "status", "Paid", "contact", "", "notes", ""));

            assertThat(added.status()).isEqualTo(422);
            assertThat(Jsoup.parse(added.body()).select("#name-error").text()).startsWith("Another client has this name.");
            assertThat(Jsoup.parse(added.body()).select("#name").val()).isEqualTo("ACME  corp");
            assertThat(renamed.status()).isEqualTo(422);
            assertThat(node.wiring.clients.listAll()).extracting(Client::name).containsExactly("Acme Corp", "Other");
            assertThat(node.wiring.clients.findById(acme.id()).orElseThrow().version()).isZero();
        });
    }

    @Test
    void edit_saves_and_counts_version() {
        Client acme = node.client("Acme", "Prospect");
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");
            Document form = Jsoup.parse(manager.get("/clients/" + acme.id() + "/edit").body());

            Browser.Page saved = manager.post("/clients/" + acme.id(), Map.of("version", form.select("input[name=version]").val(),
                    "name", "Acme Ltd", "status", "Paid", "contact", "+1 555 0100", "notes", "Signed."));

            assertThat(saved.status()).isEqualTo(302);
            Client stored = node.wiring.clients.findById(acme.id()).orElseThrow();
            assertThat(stored.name()).isEqualTo("Acme Ltd");
            assertThat(stored.status()).isEqualTo("Paid");
            assertThat(stored.contact()).isEqualTo("+1 555 0100");
            assertThat(stored.version()).isEqualTo(1);
            assertThat(stored.updatedAt()).isNotNull();
        });
    }

    @Test
    void stale_client_edit_is_rejected() {
        Client acme = node.client("Acme", "Prospect");
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");
            Document form = Jsoup.parse(manager.get("/clients/" + acme.id() + "/edit").body());
            node.wiring.clients.update(node.admin(), acme.id(), 0, new ClientForm("Acme", "Paid", "", "Paid in full."));

            Browser.Page stale = manager.post("/clients/" + acme.id(), Map.of("version", form.select("input[name=version]").val(),
                    "name", "Acme", "status", "Unpaid", "contact", "", "notes", "Late."));

            assertThat(stale.status()).isEqualTo(422);
            assertThat(Jsoup.parse(stale.body()).select(".alert-warning").text()).startsWith("Someone changed this client");
            assertThat(Jsoup.parse(stale.body()).select("#notes").text()).isEqualTo("Late.");
            Client stored = node.wiring.clients.findById(acme.id()).orElseThrow();
            assertThat(stored.status()).isEqualTo("Paid");
            assertThat(stored.notes()).isEqualTo("Paid in full.");
        });
    }

    @Test
    void delete_needs_the_confirmation_step() {
        Client acme = node.client("Acme", "Paid");
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");
            manager.get("/clients/" + acme.id());

            Browser.Page unconfirmed = manager.post("/clients/" + acme.id() + "/delete", Map.of());
            Document confirmation = Jsoup.parse(manager.get("/clients/" + acme.id() + "/delete").body());

            assertThat(unconfirmed.status()).isEqualTo(422);
            assertThat(Jsoup.parse(unconfirmed.body()).select(".alert-warning").text()).startsWith("Nothing was deleted.");
            assertThat(confirmation.select("form[action=/clients/" + acme.id() + "/delete] input[name=confirm]").val()).isEqualTo("yes");
            assertThat(node.wiring.clients.findById(acme.id())).isPresent();
        });
    }

    @Test
    void confirmed_delete_is_logged() {
        Client acme = node.client("Acme", "Paid");
        node.wiring.clientEvents.add(node.admin(), acme.id(), new EventForm("phone", "Called about the invoice", ""));
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");
            manager.get("/clients/" + acme.id() + "/delete");

            Browser.Page deleted = manager.post("/clients/" + acme.id() + "/delete", Map.of("confirm", "yes"));

            assertThat(deleted.status()).isEqualTo(302);
            assertThat(deleted.location()).isEqualTo("/clients");
            assertThat(node.wiring.clients.findById(acme.id())).isEmpty();
            assertThat(node.wiring.clientEvents.listAll(acme.id())).isEmpty();
            List<SystemLogTable.Row> log = SystemLogTable.rows(SystemLogTable.signedInAdmin(client.getOrigin()), "category=clients");
            assertThat(log).hasSize(1);
            assertThat(log.get(0).actor()).isEqualTo("manager");
            assertThat(log.get(0).message()).isEqualTo("Deleted client Acme (id " + acme.id() + ") with 1 events and 0 billable tickets");
        });
    }

    @Test
    void hostile_names_are_escaped() {
        String hostile = "<script>alert(1)</script>";
        Client acme = node.client(hostile, "Paid");
        node.http((server, client) -> {
            Browser reader = signedIn(client.getOrigin(), "reader");

            String directory = reader.get("/clients").body();
            String details = reader.get("/clients/" + acme.id()).body();

            assertThat(directory).doesNotContain(hostile).contains("&lt;script&gt;");
            assertThat(details).doesNotContain(hostile);
        });
    }

    @Test
    void client_page_lists_linked_items() {
        Client acme = node.client("Acme", "Paid");
        Client other = node.client("Other", "Paid");
        node.wiring.database.write().useHandle(handle -> {
            String insert = "INSERT INTO items (name, type, serial, client_id, status, created_at) VALUES (?, ?, ?, ?, ?, 0)";
            handle.execute(insert, "Front desk laptop", "Laptop", "SN-1", acme.id(), "available");
            handle.execute(insert, "Office chair", "Furniture", null, acme.id(), "unavailable");
            handle.execute(insert, "Other phone", "Phone", "SN-2", other.id(), "available");
        });
        node.http((server, client) -> {
            Document page = Jsoup.parse(signedIn(client.getOrigin(), "reader").get("/clients/" + acme.id()).body());
            node.set("comp_items", "off");
            Document withoutItems = Jsoup.parse(signedIn(client.getOrigin(), "reader").get("/clients/" + acme.id()).body());

            assertThat(page.select("#client-items tbody tr").stream()
                    .map(row -> row.select("td").stream().map(Element::text).toList()).toList()).containsExactly(
                    List.of("Front desk laptop", "Laptop", "SN-1", "Available"),
                    List.of("Office chair", "Furniture", "", "Unavailable"));
            assertThat(withoutItems.select("#items")).isEmpty();
        });
    }

    static Browser signedIn(String origin, String name) {
        Browser browser = new Browser(origin);
        assertThat(browser.signIn(name, TestNodePoint.PASSWORD).status()).isEqualTo(302);
        browser.get("/");
        return browser;
    }
}
