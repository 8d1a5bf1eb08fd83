package org.nodepoint.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

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
import org.nodepoint.config.Component;
import org.nodepoint.config.Settings;
import org.nodepoint.events.DomainEvent;
import org.nodepoint.events.Origin;
import org.nodepoint.events.TaskAssigned;
import org.nodepoint.events.TaskCompleted;
import org.nodepoint.projects.Product;
import org.nodepoint.projects.ProductForm;
import org.nodepoint.submissions.Submission;
import org.nodepoint.syslog.LogEntry;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;

/** The task pages over real HTTP: the project page's tasks and completion log, and the home page's completion form. */
class TaskRoutesTest {
    @TempDir
    Path folder;

    private TestNodePoint node;
    private User rita;
    private Product product;
    private final List<DomainEvent> events = new ArrayList<>();

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder);
        rita = node.user("rita", Level.AUTHORIZED);
        node.user("otto", Level.AUTHORIZED);
        node.user("tess", Level.TICKETS_MANAGEMENT);
        node.user("maya", Level.PROJECTS_MANAGEMENT);
        product = node.product("Office move", "Public");
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

    private long task(String description, String dueDay) {
        return node.wiring.tasks.add(node.admin(), product.id(), new TaskForm(description, String.valueOf(rita.id()), dueDay),
                Submission.NONE);
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

    private static Document html(Browser.Page page) {
        return Jsoup.parse(page.body());
    }

    private static List<String> logLines(Browser.Page page) {
        return html(page).select("#task-log-lines li").eachText().stream().map(line -> line.substring(line.indexOf(": ") + 2)).toList();
    }

    @Test
    void manager_adds_task_on_project_page() {
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "maya");
            Document page = html(manager.get("/projects/" + product.id()));
            assertThat(page.select("#task-assignee option").eachText()).contains("rita", "otto", "maya", "admin").doesNotContain("api");
            assertThat(page.select("#task-due").attr("type")).isEqualTo("date");

            Browser.Page added = manager.post("/projects/" + product.id() + "/tasks",
                    Map.of("description", "Pack the printers", "assigneeId", String.valueOf(rita.id()), "due", "2030-06-30"));

            assertThat(added.status()).isEqualTo(302);
            assertThat(added.location()).isEqualTo("/projects/" + product.id() + "#tasks");
            Browser.Page shown = manager.get("/projects/" + product.id());
            Element row = html(shown).selectFirst("#project-tasks tbody tr");
            assertThat(row.select("td").eachText()).containsExactly("Pack the printers", "rita", "2030-06-30", "0 %", "Delete");
            assertThat(logLines(shown)).containsExactly("maya added the task Pack the printers.");
        });
        assertThat(delivered()).filteredOn(TaskAssigned.class::isInstance).singleElement()
                .satisfies(event -> assertThat(((TaskAssigned) event).assigneeId()).isEqualTo(rita.id()));
    }

    @Test
    void invalid_task_names_each_field() {
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "maya");
            manager.get("/projects/" + product.id());

            Browser.Page invalid = manager.post("/projects/" + product.id() + "/tasks",
                    Map.of("description", " ", "assigneeId", "999999", "due", "2025-02-30"));

            assertThat(invalid.status()).isEqualTo(422);
            Document page = html(invalid);
            assertThat(page.select("#description-error").text()).isEqualTo("Task must have from 1 to 500 characters.");
            assertThat(page.select("#assigneeId-error").text())
                    .isEqualTo("Assigned to must be one of the listed users: an enabled user of level 1 or higher who can see this project.");
            assertThat(page.select("#due-error").text()).isEqualTo("Due must be a real date from the year 1900 on, such as 2026-12-31.");
            assertThat(page.select("#task-due").val()).isEqualTo("2025-02-30");
        });
        assertThat(node.wiring.tasks.homeTasks(node.viewer(rita)).isEmpty()).isTrue();
    }

    @Test
    void assignee_must_see_restricted_project() {
        Product restricted = node.product("Server room", "Restricted");
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "maya");
            Document page = html(manager.get("/projects/" + restricted.id()));
            assertThat(page.select("#task-assignee option").eachText()).doesNotContain("rita").contains("tess");

            Browser.Page invalid = manager.post("/projects/" + restricted.id() + "/tasks",
                    Map.of("description", "Label the racks", "assigneeId", String.valueOf(rita.id()), "due", "2030-06-30"));

            assertThat(invalid.status()).isEqualTo(422);
            assertThat(html(invalid).select("#assigneeId-error").text()).contains("level 2 or higher");
        });
    }

    @Test
    void archived_project_takes_no_tasks() {
        Product archived = node.product("Old office", "Archived");
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "maya");
            assertThat(html(manager.get("/projects/" + archived.id())).select("#task-description")).isEmpty();

            Browser.Page invalid = manager.post("/projects/" + archived.id() + "/tasks",
                    Map.of("description", "Pack", "assigneeId", String.valueOf(rita.id()), "due", "2030-06-30"));

            assertThat(invalid.status()).isEqualTo(422);
            assertThat(html(invalid).select("#task-product-error").text()).isEqualTo("This project is archived, so it takes no new tasks.");
        });
    }

    @Test
    void tasks_level_setting_moves_the_threshold() {
        node.http((server, client) -> {
            Browser ticketsManager = signedIn(client.getOrigin(), "tess");
            ticketsManager.get("/projects/" + product.id());
            Map<String, String> form = Map.of("description", "Pack", "assigneeId", String.valueOf(rita.id()), "due", "2030-06-30");

            Browser.Page refused = ticketsManager.post("/projects/" + product.id() + "/tasks", form);
            node.set(Settings.TASKS_LEVEL, "3");
            Browser.Page allowed = ticketsManager.post("/projects/" + product.id() + "/tasks", form);

            assertThat(refused.status()).isEqualTo(403);
            assertThat(allowed.status()).isEqualTo(302);
        });
    }

    @Test
    void completion_outside_steps_is_rejected() {
        long id = task("Pack the printers", "2030-06-30");
        node.http((server, client) -> {
            Browser assignee = signedIn(client.getOrigin(), "rita");
            assignee.get("/");

            for (String value : List.of("35", "110", "-10", "ten", "")) {
                Browser.Page rejected = assignee.post("/tasks/" + id + "/completion", Map.of("completion", value));

                assertThat(rejected.status()).as("completion %s", value).isEqualTo(422);
                assertThat(rejected.body()).as("completion %s", value)
                        .contains("Completion must be a whole number from 0 to 100 in steps of 10.");
            }
        });
        assertThat(node.wiring.tasks.find(id).completion()).isZero();
    }

    @Test
    void year_zero_due_date_is_rejected() {
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "maya");
            manager.get("/projects/" + product.id());

            Browser.Page invalid = manager.post("/projects/" + product.id() + "/tasks",
                    Map.of("description", "Pack", "assigneeId", String.valueOf(rita.id()), "due", "0000-01-01"));

            assertThat(invalid.status()).isEqualTo(422);
            assertThat(html(invalid).select("#due-error").text()).isEqualTo("Due must be a real date from the year 1900 on, such as 2026-12-31.");
        });
        assertThat(node.wiring.tasks.homeTasks(node.viewer(rita)).isEmpty()).isTrue();
    }

    @Test
    void task_of_project_hidden_later_leaves_home_page() {
        long id = task("Audit the vault", "2030-06-30");
        node.wiring.products.update(node.admin(), product.id(), new ProductForm("Office move", "", "", "Restricted", "1.0"));
        node.http((server, client) -> {
            Browser assignee = signedIn(client.getOrigin(), "rita");

            Browser.Page home = assignee.get("/");
            Browser.Page completion = assignee.post("/tasks/" + id + "/completion", Map.of("completion", "50"));
            Browser.Page missing = assignee.post("/tasks/999999/completion", Map.of("completion", "50"));

            assertThat(home.body()).doesNotContain("Audit the vault");
            assertThat(completion.status()).isEqualTo(404);
            assertThat(completion.body()).isEqualTo(missing.body());
        });
        assertThat(node.wiring.tasks.find(id).completion()).isZero();
    }

    @Test
    void other_users_task_is_refused() {
        long id = task("Pack the printers", "2030-06-30");
        node.http((server, client) -> {
            Browser other = signedIn(client.getOrigin(), "otto");
            Browser admin = new Browser(client.getOrigin());
            admin.signIn("admin", TestNodePoint.ADMIN_PASSWORD);
            other.get("/");
            admin.get("/");

            Browser.Page refused = other.post("/tasks/" + id + "/completion", Map.of("completion", "50"));
            Browser.Page adminRefused = admin.post("/tasks/" + id + "/completion", Map.of("completion", "50"));

            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).contains("Only the user that a task is assigned to can set its completion.");
            assertThat(adminRefused.status()).isEqualTo(403);
        });
        assertThat(node.wiring.tasks.find(id).completion()).isZero();
    }

    @Test
    void assignee_completes_task_from_home_page() {
        long id = task("Pack the printers", "2030-06-30");
        node.http((server, client) -> {
            Browser assignee = signedIn(client.getOrigin(), "rita");
            Element form = html(assignee.get("/")).selectFirst("#home-tasks form");
            assertThat(form.attr("action")).isEqualTo("/tasks/" + id + "/completion");
            assertThat(form.select("option").eachAttr("value"))
                    .containsExactly("0", "10", "20", "30", "40", "50", "60", "70", "80", "90", "100");

            Browser.Page half = assignee.post("/tasks/" + id + "/completion", Map.of("completion", "50"));
            Browser.Page done = assignee.post("/tasks/" + id + "/completion", Map.of("completion", "100"));
            Browser.Page again = assignee.post("/tasks/" + id + "/completion", Map.of("completion", "100"));

            assertThat(half.location()).isEqualTo("/#tasks");
            assertThat(done.status()).isEqualTo(302);
            assertThat(again.status()).isEqualTo(302);
            Element item = html(assignee.get("/")).selectFirst("#home-tasks li");
            assertThat(item.hasClass("task-completed")).isTrue();
            assertThat(item.text()).contains("Completed");
            assertThat(item.select("option[selected]").val()).isEqualTo("100");
        });
        assertThat(node.wiring.tasks.find(id).completedAt()).isNotNull();
        assertThat(delivered()).filteredOn(TaskCompleted.class::isInstance).hasSize(1);
        assertThat(node.wiring.tasks.panel(node.admin(), product, TaskForm.blank(), null, "").log())
                .extracting(TaskLogEntry::event, TaskLogEntry::completion)
                .containsExactly(tuple("completion", 100), tuple("completion", 50),
                        tuple("added", null));
    }

    @Test
    void lowering_completion_clears_completed_time() {
        long id = task("Pack the printers", "2030-06-30");
        node.wiring.tasks.setCompletion(node.viewer(rita), id, "100", Origin.WEB);

        node.wiring.tasks.setCompletion(node.viewer(rita), id, "90", Origin.WEB);

        Task task = node.wiring.tasks.find(id);
        assertThat(task.completion()).isEqualTo(90);
        assertThat(task.completedAt()).isNull();
    }

    @Test
    void overdue_task_is_highlighted_in_words() {
        long late = task("File the lease", "2020-01-31");
        task("Pack the printers", "2030-06-30");
        node.http((server, client) -> {
            Browser assignee = signedIn(client.getOrigin(), "rita");

            List<Element> items = html(assignee.get("/")).select("#home-tasks li");
            Element row = html(assignee.get("/projects/" + product.id())).selectFirst("#project-tasks tr[data-task=" + late + "]");

            assertThat(items).hasSize(2);
            assertThat(items.get(0).hasClass("task-overdue")).isTrue();
            assertThat(items.get(0).text()).contains("File the lease", "Overdue", "Office move", "2020-01-31");
            assertThat(items.get(1).hasClass("task-overdue")).isFalse();
            assertThat(items.get(1).text()).doesNotContain("Overdue");
            assertThat(row.hasClass("task-overdue")).isTrue();
            assertThat(row.text()).contains("Overdue");
        });
    }

    @Test
    void delete_and_clear_log() {
        long id = task("Pack the printers", "2030-06-30");
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "maya");
            manager.get("/projects/" + product.id());

            Browser.Page deleted = manager.post("/tasks/" + id + "/delete", Map.of());

            assertThat(deleted.location()).isEqualTo("/projects/" + product.id() + "#tasks");
            Browser.Page page = manager.get("/projects/" + product.id());
            assertThat(html(page).select("#project-tasks")).isEmpty();
            assertThat(logLines(page)).containsExactly("maya deleted the task Pack the printers.", "admin added the task Pack the printers.");

            Browser.Page cleared = manager.post("/projects/" + product.id() + "/tasks/log/clear", Map.of());

            assertThat(cleared.status()).isEqualTo(302);
            assertThat(logLines(manager.get("/projects/" + product.id()))).isEmpty();
        });
        List<LogEntry> entries = node.wiring.systemLog.newest(0, 10).stream().filter(entry -> entry.category().equals("tasks")).toList();
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("maya");
            assertThat(entry.message()).isEqualTo("Cleared the task completion log of project " + product.id() + " (2 lines)");
        });
    }

    @Test
    void guest_sees_no_tasks() {
        task("Pack the printers", "2030-06-30");
        node.http((server, client) -> {
            Browser guest = new Browser(client.getOrigin());

            Browser.Page page = guest.get("/projects/" + product.id());

            assertThat(page.status()).isEqualTo(200);
            assertThat(html(page).select("#tasks")).isEmpty();
            assertThat(page.body()).doesNotContain("Pack the printers");
        });
    }

    @Test
    void component_off_hides_tasks() {
        long id = task("Pack the printers", "2030-06-30");
        node.set(Component.TASKS.key(), "off");
        node.http((server, client) -> {
            Browser assignee = signedIn(client.getOrigin(), "rita");
            Browser manager = signedIn(client.getOrigin(), "maya");
            assignee.get("/");
            manager.get("/");

            Browser.Page completion = assignee.post("/tasks/" + id + "/completion", Map.of("completion", "50"));
            Browser.Page add = manager.post("/projects/" + product.id() + "/tasks",
                    Map.of("description", "Pack", "assigneeId", String.valueOf(rita.id()), "due", "2030-06-30"));

            assertThat(completion.status()).isEqualTo(404);
            assertThat(add.status()).isEqualTo(404);
            assertThat(html(assignee.get("/")).select("#home-tasks")).isEmpty();
            assertThat(html(manager.get("/projects/" + product.id())).select("#tasks")).isEmpty();
        });
        assertThat(node.wiring.tasks.find(id).completion()).isZero();
    }
}
