package org.nodepoint.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.clients.ClientDirectoryRoutesTest.signedIn;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;
import org.nodepoint.web.Text;

/** The CRM events of a client page: the events level, adding, editing with its record, deleting and paging. */
class ClientEventRoutesTest {
    private static final Text TEXT = new Text(Locale.ENGLISH);

    @TempDir
    Path folder;

    private TestNodePoint node;
    private Client acme;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder, Map.of(Settings.PAGE_LENGTH, "5"));
        node.user("reader", Level.RESTRICTED_VIEW);
        node.user("staff", Level.TICKETS_MANAGEMENT);
        node.user("manager", Level.USERS_MANAGEMENT);
        acme = node.client("Acme", "Paid");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void reader_adds_event_with_its_kind() {
        node.http((server, client) -> {
            Browser reader = signedIn(client.getOrigin(), "reader");
            reader.get("/clients/" + acme.id());

            Browser.Page added = reader.post("/clients/" + acme.id() + "/events", Map.of("type", "online_meeting",
                    "summary", "Quarterly review", "notes", "Renewal in May."));

            assertThat(added.status()).isEqualTo(302);
            assertThat(added.location()).isEqualTo("/clients/" + acme.id() + "#events");
            Document page = Jsoup.parse(reader.get("/clients/" + acme.id()).body());
            assertThat(page.select("#events ~ ol li strong").eachText()).containsExactly("Quarterly review");
            assertThat(page.select("#events ~ ol li .badge").eachText()).containsExactly("Online meeting");
            assertThat(page.select("#events ~ ol li .text-body-secondary").text()).startsWith("Added by reader at ");
            ClientEvent stored = node.wiring.clientEvents.listAll(acme.id()).get(0);
            assertThat(stored.type()).isEqualTo("online_meeting");
            assertThat(stored.notes()).isEqualTo("Renewal in May.");
            assertThat(stored.updatedAt()).isNull();
        });
    }

    @Test
    void events_level_setting_gates_the_events() {
        long eventId = node.wiring.clientEvents.add(node.admin(), acme.id(), new EventForm("phone", "Called", ""));
        node.set(Settings.CLIENT_EVENTS_LEVEL, "4");
        node.http((server, client) -> {
            Browser staff = signedIn(client.getOrigin(), "staff");
            Browser manager = signedIn(client.getOrigin(), "manager");

            Document staffPage = Jsoup.parse(staff.get("/clients/" + acme.id()).body());
            Browser.Page staffAdd = staff.post("/clients/" + acme.id() + "/events", Map.of("type", "phone", "summary", "Sneaky"));
            Browser.Page staffEdit = staff.get("/clients/" + acme.id() + "/events/" + eventId);
            Browser.Page managerEdit = manager.get("/clients/" + acme.id() + "/events/" + eventId);

            assertThat(staffPage.select("#events")).isEmpty();
            assertThat(staffPage.select("form[action$=/events]")).isEmpty();
            assertThat(staffAdd.status()).isEqualTo(403);
            assertThat(staffEdit.status()).isEqualTo(403);
            assertThat(managerEdit.status()).isEqualTo(200);
            assertThat(node.wiring.clientEvents.listAll(acme.id())).hasSize(1);
        });
    }

    @Test
    void events_need_client_level_too() {
        long eventId = node.wiring.clientEvents.add(node.admin(), acme.id(), new EventForm("phone", "Called", ""));
        node.set(Settings.CLIENTS_LEVEL, "3");
        node.set(Settings.CLIENT_EVENTS_LEVEL, "1");
        node.http((server, client) -> {
            Browser reader = signedIn(client.getOrigin(), "reader");

            assertThat(reader.get("/clients/" + acme.id() + "/events/" + eventId).status()).isEqualTo(403);
            assertThat(reader.post("/clients/" + acme.id() + "/events", Map.of("type", "phone", "summary", "x")).status()).isEqualTo(403);
        });
    }

    @Test
    void invalid_event_names_fields() {
        node.http((server, client) -> {
            Browser reader = signedIn(client.getOrigin(), "reader");
            reader.get("/clients/" + acme.id());

            Browser.Page page = reader.post("/clients/" + acme.id() + "/events", Map.of("type", "fax", "summary", " ",
                    "notes", "Kept notes"));

            assertThat(page.status()).isEqualTo(422);
            Document html = Jsoup.parse(page.body());
            assertThat(html.select("#type-error").text()).isEqualTo(
                    "Type must be one of E-mail, Phone call, Online meeting, In-person meeting or Other.");
            assertThat(html.select("#summary-error").text()).isEqualTo("Summary must be 1 to 200 characters long.");
            assertThat(html.select("#event-notes").text()).isEqualTo("Kept notes");
            assertThat(node.wiring.clientEvents.listAll(acme.id())).isEmpty();
        });
    }

    @Test
    void edit_records_editor_and_keeps_author() {
        User reader = node.wiring.users.findByName("reader").orElseThrow();
        long eventId = node.wiring.clientEvents.add(node.viewer(reader), acme.id(), new EventForm("email", "Sent the offer", "v1"));
        ClientEvent before = node.wiring.clientEvents.listAll(acme.id()).get(0);
        node.http((server, client) -> {
            Browser staff = signedIn(client.getOrigin(), "staff");
            staff.get("/clients/" + acme.id() + "/events/" + eventId);

            Browser.Page saved = staff.post("/clients/" + acme.id() + "/events/" + eventId, Map.of("type", "phone",
                    "summary", "Called about the offer", "notes", "v2", "version", "0"));

            assertThat(saved.status()).isEqualTo(302);
            ClientEvent after = node.wiring.clientEvents.listAll(acme.id()).get(0);
            assertThat(after.createdByName()).isEqualTo("reader");
            assertThat(after.createdAt()).isEqualTo(before.createdAt());
            assertThat(after.updatedByName()).isEqualTo("staff");
            assertThat(after.updatedAt()).isNotNull();
            assertThat(after.summary()).isEqualTo("Called about the offer");
            assertThat(after.type()).isEqualTo("phone");
            Document page = Jsoup.parse(staff.get("/clients/" + acme.id()).body());
            assertThat(page.select("#event-" + eventId + " .client-event-edited").text())
                    .startsWith("· edited by staff at ")
                    .endsWith(TEXT.dateTime(after.updatedAt()));
            assertThat(page.select("#event-" + eventId).text()).contains("Added by reader at " + TEXT.dateTime(after.createdAt()));
        });
    }

    @Test
    void stale_event_edit_rejected() {
        long eventId = node.wiring.clientEvents.add(node.admin(), acme.id(), new EventForm("email", "Sent the offer", ""));
        node.http((server, client) -> {
            Browser staff = signedIn(client.getOrigin(), "staff");
            Browser other = signedIn(client.getOrigin(), "reader");
            String path = "/clients/" + acme.id() + "/events/" + eventId;
            Document staffForm = Jsoup.parse(staff.get(path).body());
            Document otherForm = Jsoup.parse(other.get(path).body());

            Browser.Page first = other.post(path, Map.of("type", "phone", "summary", "Edit by reader", "notes", "",
                    "version", otherForm.select("input[name=version]").val()));
            Browser.Page second = staff.post(path, Map.of("type", "phone", "summary", "Edit by staff", "notes", "",
                    "version", staffForm.select("input[name=version]").val()));

            assertThat(first.status()).isEqualTo(302);
            assertThat(second.status()).isEqualTo(422);
            assertThat(Jsoup.parse(second.body()).text()).contains("Someone changed this event after you opened the form");
            assertThat(node.wiring.clientEvents.listAll(acme.id()).get(0).summary()).isEqualTo("Edit by reader");
        });
    }

    @Test
    void edit_keeps_a_type_that_the_api_stored() {
        long eventId = node.wiring.clientEvents.addFromApi(node.admin(), acme.id(), new EventForm("Fax", "Faxed the contract", ""));
        node.http((server, client) -> {
            Browser reader = signedIn(client.getOrigin(), "reader");
            Document form = Jsoup.parse(reader.get("/clients/" + acme.id() + "/events/" + eventId).body());

            Browser.Page saved = reader.post("/clients/" + acme.id() + "/events/" + eventId, Map.of("type", "Fax",
                    "summary", "Faxed the signed contract", "notes", "", "version", form.select("input[name=version]").val()));

            assertThat(form.select("#type option[selected]").val()).isEqualTo("Fax");
            assertThat(saved.status()).isEqualTo(302);
            assertThat(node.wiring.clientEvents.listAll(acme.id()).get(0).type()).isEqualTo("Fax");
        });
    }

    @Test
    void delete_removes_only_that_event() {
        long kept = node.wiring.clientEvents.add(node.admin(), acme.id(), new EventForm("phone", "Kept", ""));
        long removed = node.wiring.clientEvents.add(node.admin(), acme.id(), new EventForm("phone", "Removed", ""));
        Client other = node.client("Other", "Paid");
        node.http((server, client) -> {
            Browser reader = signedIn(client.getOrigin(), "reader");
            reader.get("/clients/" + acme.id() + "/events/" + removed);

            Browser.Page wrongClient = reader.post("/clients/" + other.id() + "/events/" + removed + "/delete", Map.of());
            Browser.Page deleted = reader.post("/clients/" + acme.id() + "/events/" + removed + "/delete", Map.of());

            assertThat(wrongClient.status()).isEqualTo(404);
            assertThat(deleted.status()).isEqualTo(302);
            assertThat(node.wiring.clientEvents.listAll(acme.id())).extracting(ClientEvent::id).containsExactly(kept);
        });
    }

    @Test
    void events_come_newest_first_in_pages() {
        for (int i = 1; i <= 7; i++) {
            node.wiring.clientEvents.add(node.admin(), acme.id(), new EventForm("other", "Event " + i, ""));
        }
        node.http((server, client) -> {
            Browser reader = signedIn(client.getOrigin(), "reader");

            Document first = Jsoup.parse(reader.get("/clients/" + acme.id()).body());
            Document second = Jsoup.parse(reader.get("/clients/" + acme.id() + "?page=2").body());

            assertThat(first.select("#events ~ ol li strong").eachText()).containsExactly("Event 7", "Event 6", "Event 5", "Event 4", "Event 3");
            assertThat(first.select("nav[aria-label=Pages] span").first().text()).isEqualTo("1–5 of 7");
            assertThat(second.select("#events ~ ol li strong").eachText()).containsExactly("Event 2", "Event 1");
        });
    }
}
