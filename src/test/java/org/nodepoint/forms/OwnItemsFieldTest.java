package org.nodepoint.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.events.Origin;
import org.nodepoint.inventory.ItemForm;
import org.nodepoint.inventory.ItemRules;
import org.nodepoint.projects.Product;
import org.nodepoint.submissions.Submission;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;

/** The own items field of custom forms: it offers the submitter's checked-out items and stores "name (serial)". */
class OwnItemsFieldTest {
    @TempDir
    Path folder;

    private TestNodePoint node;
    private Product printers;
    private TicketForm form;
    private long laptop;
    private long requested;
    private long othersPhone;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder, Map.of(Settings.TICKET_VISIBILITY, "Public"));
        printers = node.product("Printers", "Public");
        User rita = node.user("rita", Level.AUTHORIZED);
        User otto = node.user("otto", Level.AUTHORIZED);
        form = node.form("Hardware form", FieldType.OWN_ITEMS);
        node.wiring.forms.assign(node.admin(), form.id(), printers.id());
        laptop = item("ThinkPad", "TP-1", false);
        node.wiring.items.checkouts().checkOut(node.viewer(rita), laptop, Origin.WEB);
        requested = item("Camera", "CAM-1", true);
        node.wiring.items.checkouts().checkOut(node.viewer(rita), requested, Origin.WEB);
        othersPhone = item("Phone", null, false);
        node.wiring.items.checkouts().checkOut(node.viewer(otto), othersPhone, Origin.WEB);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private long item(String name, String serial, boolean needsApproval) {
        return node.wiring.items.add(node.admin(), new ItemForm(name, "Laptop", serial, "", "", needsApproval, ""),
                ItemRules.TypeRule.LISTED, Submission.NONE);
    }

    private Map<String, String> filing(String answer) {
        return Map.of("productId", String.valueOf(printers.id()), "formId", String.valueOf(form.id()),
                "formVersion", String.valueOf(form.version()), "title", "Screen flickers", "description", "Since Monday",
                "answer1", answer);
    }

    private Browser signedIn(String origin) {
        Browser browser = new Browser(origin);
        assertThat(browser.signIn("rita", TestNodePoint.PASSWORD).status()).isEqualTo(302);
        return browser;
    }

    @Test
    void field_offers_checked_out_items_only() {
        node.http((server, client) -> {
            Document page = Jsoup.parse(signedIn(client.getOrigin()).get("/tickets/new?product=" + printers.id()).body());

            assertThat(page.select("#answer1 option").eachText()).containsExactly("Choose…", "ThinkPad (TP-1)");
            assertThat(page.select("#answer1 option").eachAttr("value")).containsExactly("", String.valueOf(laptop));
        });
    }

    @Test
    void answer_stores_name_and_serial() {
        node.http((server, client) -> {
            Browser rita = signedIn(client.getOrigin());
            rita.get("/tickets/new?product=" + printers.id());

            Browser.Page created = rita.post("/tickets", filing(String.valueOf(laptop)));

            assertThat(created.status()).isEqualTo(302);
            long id = Long.parseLong(created.location().substring(created.location().lastIndexOf('/') + 1));
            assertThat(node.wiring.formAnswers.list(node.admin(), id)).extracting(TicketAnswer::value).containsExactly("ThinkPad (TP-1)");
            Document ticket = Jsoup.parse(rita.get("/tickets/" + id).body());
            assertThat(ticket.select("dl.ticket-answers dd").text()).isEqualTo("ThinkPad (TP-1)");
        });
    }

    @Test
    void other_items_are_rejected() {
        node.http((server, client) -> {
            Browser rita = signedIn(client.getOrigin());
            rita.get("/tickets/new?product=" + printers.id());

            for (String answer : new String[] {String.valueOf(othersPhone), String.valueOf(requested), "999", "ThinkPad (TP-1)"}) {
                Browser.Page rejected = rita.post("/tickets", filing(answer));

                assertThat(rejected.status()).as("answer %s", answer).isEqualTo(422);
                assertThat(Jsoup.parse(rejected.body()).select("#answer1-error").text())
                        .isEqualTo("own_items: choose one of the items that you have checked out.");
            }
            long tickets = node.wiring.database.read().withHandle(handle -> handle.createQuery("SELECT count(*) FROM tickets")
                    .mapTo(Long.class).one());
            assertThat(tickets).isZero();
        });
    }
}
