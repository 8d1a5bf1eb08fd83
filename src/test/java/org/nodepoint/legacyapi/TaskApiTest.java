package org.nodepoint.legacyapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.READ_KEY;
import static org.nodepoint.testing.TestNodePoint.WRITE_KEY;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.events.Origin;
import org.nodepoint.projects.Product;
import org.nodepoint.submissions.Submission;
import org.nodepoint.tasks.Task;
import org.nodepoint.tasks.TaskForm;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;

/** The task calls add_task and list_tasks: every response body, exactly. */
class TaskApiTest {
    private static final String BAD_DUE = "{\n \"message\": \"Argument 'due' must be in format 'mm/dd/yyyy'.\",\n"
            + " \"status\": \"ERR_INVALID_FORMAT\"\n}\n";

    @TempDir
    Path folder;

    private TestNodePoint node;
    private User rita;
    private Product product;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder);
        rita = node.user("rita", Level.AUTHORIZED);
        node.user("zero", Level.UNAUTHORIZED);
        product = node.product("Office move", "Public");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private static String envelope(String message, String status) {
        return "{\n \"message\": \"" + message + "\",\n \"status\": \"" + status + "\"\n}\n";
    }

    private String call(String... namesAndValues) {
        String[] body = new String[1];
        node.http((server, client) -> body[0] = new ApiClient(client.getOrigin()).post("/nodepoint/", namesAndValues).body());
        return body[0];
    }

    private String addTask(String due) {
        return call("api", "add_task", "key", WRITE_KEY, "product_id", String.valueOf(product.id()), "description", "Pack the printers",
                "due", due, "user", "rita");
    }

    private List<Task> ritasTasks() {
        return node.wiring.tasks.tasksOfUserNamed("rita").orElseThrow();
    }

    @Test
    void add_task_finds_date_inside_text() {
        String answer = addTask("due 12/31/2026 please");

        assertThat(answer).isEqualTo(envelope("Task added.", "OK"));
        assertThat(ritasTasks()).singleElement().satisfies(task -> {
            assertThat(task.dueDate()).isEqualTo("2026-12-31");
            assertThat(task.completion()).isZero();
            assertThat(task.description()).isEqualTo("Pack the printers");
            assertThat(task.productId()).isEqualTo(product.id());
        });
    }

    @ParameterizedTest(name = "due \"{0}\"")
    @ValueSource(strings = {"13/40/2024", "02/30/2025", "2026-12-31", "12/31/26", "tomorrow", "13/40/2024 or 01/02/2025",
            "12/31/0000", "12/31/99999", "12/31/20261", "112/31/2026"})
    void add_task_rejects_impossible_due(String due) {
        String answer = addTask(due);

        assertThat(answer).isEqualTo(BAD_DUE);
        assertThat(ritasTasks()).isEmpty();
    }

    @Test
    void add_task_checks_parameters_in_order() {
        assertThat(call("api", "add_task", "key", WRITE_KEY, "description", "Pack", "due", "12/31/2026", "user", "rita"))
                .isEqualTo(envelope("Missing 'product_id' argument.", "ERR_MISSING_ARGUMENT"));
        assertThat(call("api", "add_task", "key", WRITE_KEY, "product_id", String.valueOf(product.id()), "due", "12/31/2026",
                "user", "rita")).isEqualTo(envelope("Missing 'description' argument.", "ERR_MISSING_ARGUMENT"));
        assertThat(call("api", "add_task", "key", WRITE_KEY, "product_id", String.valueOf(product.id()), "description", "Pack",
                "due", "", "user", "rita")).isEqualTo(envelope("Missing 'due' argument.", "ERR_MISSING_ARGUMENT"));
        assertThat(call("api", "add_task", "key", WRITE_KEY, "product_id", String.valueOf(product.id()), "description", "Pack",
                "due", "12/31/2026")).isEqualTo(envelope("Missing 'user' argument.", "ERR_MISSING_ARGUMENT"));
        assertThat(call("api", "add_task", "key", READ_KEY, "product_id", String.valueOf(product.id()), "description", "Pack",
                "due", "12/31/2026", "user", "rita")).isEqualTo(envelope("Invalid 'key' value.", "ERR_INVALID_KEY"));
        assertThat(ritasTasks()).isEmpty();
    }

    @Test
    void add_task_rejects_unknown_project_and_user() {
        String unknownProduct = call("api", "add_task", "key", WRITE_KEY, "product_id", "999999", "description", "Pack",
                "due", "12/31/2026", "user", "rita");
        String levelZero = call("api", "add_task", "key", WRITE_KEY, "product_id", String.valueOf(product.id()), "description", "Pack",
                "due", "12/31/2026", "user", "zero");
        String nobody = call("api", "add_task", "key", WRITE_KEY, "product_id", String.valueOf(product.id()), "description", "Pack",
                "due", "12/31/2026", "user", "nobody");
        String tooLong = call("api", "add_task", "key", WRITE_KEY, "product_id", String.valueOf(product.id()),
                "description", "x".repeat(501), "due", "12/31/2026", "user", "rita");

        assertThat(unknownProduct).isEqualTo(envelope("Invalid 'product_id' value.", "ERR_INVALID_PRODUCT_ID"));
        String invalidUser = envelope("Invalid 'user' value (no enabled user of level 1 or higher who can see the project has this name).",
                "ERR_INVALID_ARGUMENT");
        assertThat(levelZero).isEqualTo(invalidUser);
        assertThat(nobody).isEqualTo(invalidUser);
        assertThat(tooLong).isEqualTo(envelope("Bad length for 'description' argument (between 1 and 500 characters).",
                "ERR_ARGUMENT_LENGTH"));
        assertThat(ritasTasks()).isEmpty();
    }

    @Test
    void list_tasks_has_exact_layout() {
        Product second = node.product("Server room", "Public");
        long first = node.wiring.tasks.add(node.admin(), second.id(), new TaskForm("Label \"racks\"", String.valueOf(rita.id()),
                "2026-03-05"), Submission.NONE);
        node.wiring.tasks.add(node.admin(), product.id(), new TaskForm("Pack", String.valueOf(rita.id()), "2026-12-31"), Submission.NONE);
        node.wiring.tasks.setCompletion(node.viewer(rita), first, "40", Origin.WEB);

        String answer = call("api", "list_tasks", "key", READ_KEY, "user", "rita");

        assertThat(answer).isEqualTo("{\n \"message\": \"Tasks list.\",\n \"status\": \"OK\",\n \"tasks\": [\n"
                + "  {\n   \"product_id\": \"" + second.id() + "\",\n   \"description\": \"Label \\\"racks\\\"\",\n"
                + "   \"completion\": \"40\",\n   \"due\": \"03/05/2026\"\n  },\n"
                + "  {\n   \"product_id\": \"" + product.id() + "\",\n   \"description\": \"Pack\",\n"
                + "   \"completion\": \"0\",\n   \"due\": \"12/31/2026\"\n  }\n ]\n}\n");
    }

    @Test
    void list_tasks_of_user_without_tasks() {
        assertThat(call("api", "list_tasks", "key", READ_KEY, "user", "zero"))
                .isEqualTo("{\n \"message\": \"Tasks list.\",\n \"status\": \"OK\",\n \"tasks\": [\n\n ]\n}\n");
    }

    @Test
    void list_tasks_errors() {
        assertThat(call("api", "list_tasks", "key", READ_KEY)).isEqualTo(envelope("Missing 'user' argument.", "ERR_MISSING_ARGUMENT"));
        assertThat(call("api", "list_tasks", "user", "rita")).isEqualTo(envelope("Missing 'key' argument.", "ERR_MISSING_ARGUMENT"));
        assertThat(call("api", "list_tasks", "key", WRITE_KEY, "user", "rita")).isEqualTo(envelope("Invalid 'key' value.", "ERR_INVALID_KEY"));
        assertThat(call("api", "list_tasks", "key", READ_KEY, "user", "nobody")).isEqualTo(envelope("Invalid user name.", "ERR_INVALID_CRED"));
    }
}
