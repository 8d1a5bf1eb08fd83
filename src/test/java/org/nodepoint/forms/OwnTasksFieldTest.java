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
import org.nodepoint.projects.Product;
import org.nodepoint.submissions.Submission;
import org.nodepoint.tasks.TaskForm;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;

/** The own tasks field of custom forms: it offers the submitter's open tasks in the ticket's project and stores the label. */
class OwnTasksFieldTest {
    @TempDir
    Path folder;

    private TestNodePoint node;
    private Product printers;
    private TicketForm form;
    private long openTask;
    private long doneTask;
    private long otherProjectTask;
    private long othersTask;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder, Map.of(Settings.TICKET_VISIBILITY, "Public"));
        printers = node.product("Printers", "Public");
        Product scanners = node.product("Scanners", "Public");
        User rita = node.user("rita", Level.AUTHORIZED);
        User otto = node.user("otto", Level.AUTHORIZED);
        form = node.form("Task form", FieldType.OWN_TASKS);
        node.wiring.forms.assign(node.admin(), form.id(), printers.id());
        openTask = task(printers, rita, "Replace the toner");
        doneTask = task(printers, rita, "Order paper");
        node.wiring.tasks.setCompletion(node.viewer(rita), doneTask, "100", Origin.WEB);
        otherProjectTask = task(scanners, rita, "Calibrate the scanner");
        othersTask = task(printers, otto, "Clean the rollers");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private long task(Product product, User assignee, String description) {
        return node.wiring.tasks.add(node.admin(), product.id(), new TaskForm(description, String.valueOf(assignee.id()), "2030-06-30"),
                Submission.NONE);
    }

    private Map<String, String> filing(String answer) {
        return Map.of("productId", String.valueOf(printers.id()), "formId", String.valueOf(form.id()),
                "formVersion", String.valueOf(form.version()), "title", "Toner low", "description", "Since Monday",
                "answer1", answer);
    }

    private Browser signedIn(String origin) {
        Browser browser = new Browser(origin);
        assertThat(browser.signIn("rita", TestNodePoint.PASSWORD).status()).isEqualTo(302);
        return browser;
    }

    @Test
    void editor_offers_own_tasks() {
        assertThat(FieldType.offered()).contains(FieldType.OWN_TASKS);
    }

    @Test
    void field_offers_open_tasks_of_project() {
        node.http((server, client) -> {
            Document page = Jsoup.parse(signedIn(client.getOrigin()).get("/tickets/new?product=" + printers.id()).body());

            assertThat(page.select("#answer1 option").eachText()).containsExactly("Choose…", "Replace the toner (due 2030-06-30)");
            assertThat(page.select("#answer1 option").eachAttr("value")).containsExactly("", String.valueOf(openTask));
        });
    }

    @Test
    void answer_stores_task_label() {
        node.http((server, client) -> {
            Browser rita = signedIn(client.getOrigin());
            rita.get("/tickets/new?product=" + printers.id());

            Browser.Page created = rita.post("/tickets", filing(String.valueOf(openTask)));

            assertThat(created.status()).isEqualTo(302);
            long id = Long.parseLong(created.location().substring(created.location().lastIndexOf('/') + 1));
            assertThat(node.wiring.formAnswers.list(node.admin(), id)).extracting(TicketAnswer::value)
                    .containsExactly("Replace the toner (due 2030-06-30)");
        });
    }

    @Test
    void other_tasks_are_rejected() {
        node.http((server, client) -> {
            Browser rita = signedIn(client.getOrigin());
            rita.get("/tickets/new?product=" + printers.id());

            for (long answer : new long[] {doneTask, otherProjectTask, othersTask, 999}) {
                Browser.Page rejected = rita.post("/tickets", filing(String.valueOf(answer)));

                assertThat(rejected.status()).as("answer %s", answer).isEqualTo(422);
                assertThat(Jsoup.parse(rejected.body()).select("#answer1-error").text())
                        .isEqualTo("own_tasks: choose one of your open tasks in this project.");
            }
        });
        long tickets = node.wiring.database.read().withHandle(handle -> handle.createQuery("SELECT count(*) FROM tickets")
                .mapTo(Long.class).one());
        assertThat(tickets).isZero();
    }
}
