package org.nodepoint.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.events.Origin;
import org.nodepoint.events.TaskCompleted;
import org.nodepoint.projects.Product;
import org.nodepoint.submissions.Submission;
import org.nodepoint.syslog.LogEntry;
import org.nodepoint.tasks.TaskForm;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;
import org.nodepoint.users.Viewer;

/** The task completion plugin: run with the assignee, the description, the project id and the due day when a task reaches 100 %. */
class TaskCompletionPluginTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String HOSTILE_DESCRIPTION = "Pack \"$(touch pwned)\" `touch pwned`; rm -rf x '";

    @TempDir
    Path folder;

    private TestNodePoint node;
    private Path output;
    private User holly;
    private Product product;

    @BeforeEach
    void start() throws IOException {
        node = TestNodePoint.configured(folder.resolve("data"));
        holly = node.user("holly", Level.AUTHORIZED);
        product = node.product("Office move", "Public");
        output = Files.createDirectories(folder.resolve("output"));
        node.set("task_plugin", "printf '%s|%s|%s|%s\\n' %user% %task% %product% %due% >> '" + output.resolve("tasks") + "'");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private long task(String description) {
        return node.wiring.tasks.add(node.admin(), product.id(), new TaskForm(description, String.valueOf(holly.id()), "2030-06-30"),
                Submission.NONE);
    }

    private void awaitPlugins() {
        node.wiring.events.awaitDelivered(WAIT);
        node.wiring.plugins.awaitIdle(WAIT);
    }

    private List<String> lines() {
        try {
            return Files.readAllLines(output.resolve("tasks"));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    @Test
    void completion_runs_plugin_with_four_values() {
        long id = task(HOSTILE_DESCRIPTION);
        Viewer assignee = node.viewer(holly);

        node.wiring.tasks.setCompletion(assignee, id, "50", Origin.WEB);
        node.wiring.tasks.setCompletion(assignee, id, "100", Origin.WEB);
        awaitPlugins();

        assertThat(lines()).containsExactly("holly|" + HOSTILE_DESCRIPTION + "|" + product.id() + "|2030-06-30");
        List<LogEntry> runs = node.wiring.systemLog.newest(0, 100).stream().filter(entry -> entry.category().equals("plugin")).toList();
        assertThat(runs).singleElement().extracting(LogEntry::actor).isEqualTo("holly");
        try (Stream<Path> files = Files.walk(folder)) {
            assertThat(files.map(path -> path.getFileName().toString())).doesNotContain("pwned");
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    @Test
    void task_below_100_runs_nothing() {
        long id = task("Pack the printers");
        node.wiring.tasks.setCompletion(node.viewer(holly), id, "100", Origin.WEB);
        awaitPlugins();
        node.wiring.tasks.setCompletion(node.viewer(holly), id, "90", Origin.WEB);

        node.wiring.events.publish(new TaskCompleted(id, holly.id(), holly.id(), Origin.WEB));
        awaitPlugins();

        assertThat(lines()).hasSize(1);
    }
}
