package org.nodepoint.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.events.DomainEvent;
import org.nodepoint.events.ItemApproved;
import org.nodepoint.events.ItemAssigned;
import org.nodepoint.events.ItemCheckedOut;
import org.nodepoint.events.ItemDenied;
import org.nodepoint.events.ItemRequested;
import org.nodepoint.events.ItemReturned;
import org.nodepoint.events.Origin;
import org.nodepoint.syslog.LogEntry;
import org.nodepoint.testing.TestItems;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;

/** The checkout plugin: run with the holder and the serial number when an item becomes checked out to a user. */
class CheckoutPluginTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String HOSTILE_SERIAL = "SN-1 \"$(touch pwned)\" `touch pwned`; rm -rf x '";

    @TempDir
    Path folder;

    private TestNodePoint node;
    private Path output;
    private User holly;
    private User petra;

    @BeforeEach
    void start() throws IOException {
        node = TestNodePoint.configured(folder.resolve("data"));
        holly = node.user("holly", Level.AUTHORIZED);
        petra = node.user("petra", Level.PROJECTS_MANAGEMENT);
        output = Files.createDirectories(folder.resolve("output"));
        node.set("checkout_plugin", "printf '%s|%s\\n' %user% %serial% >> '" + output.resolve("checkouts") + "'");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void checkout_approval_and_assignment_run_plugin() {
        long checkedOut = TestItems.insert(node, "Laptop 1", HOSTILE_SERIAL, "Locker 1", "checked_out", holly.id());
        long approved = TestItems.insert(node, "Laptop 2", "SN-2", "Locker 2", "checked_out", holly.id());
        long assigned = TestItems.insert(node, "Laptop 3", null, "Locker 3", "checked_out", petra.id());

        deliver(new ItemCheckedOut(checkedOut, holly.id(), holly.id(), Origin.WEB));
        deliver(new ItemApproved(approved, holly.id(), petra.id(), Origin.WEB));
        deliver(new ItemAssigned(assigned, petra.id(), node.admin().userId(), Origin.API));

        assertThat(lines()).containsExactly("holly|" + HOSTILE_SERIAL, "holly|SN-2", "petra|");
        assertThat(pluginEntries()).extracting(LogEntry::actor).containsExactly("holly", "petra", "admin");
        assertNoPwnedFile();
    }

    @Test
    void request_denial_and_return_run_nothing() {
        long waiting = TestItems.insert(node, "Laptop 1", "SN-1", "", "waiting", holly.id());
        long available = TestItems.insert(node, "Laptop 2", "SN-2", "", "available", null);

        deliver(new ItemRequested(waiting, holly.id(), holly.id(), Origin.WEB),
                new ItemDenied(available, holly.id(), petra.id(), Origin.WEB),
                new ItemReturned(available, holly.id(), holly.id(), Origin.WEB));

        assertThat(output.resolve("checkouts")).doesNotExist();
        assertThat(pluginEntries()).isEmpty();
    }

    @Test
    void item_no_longer_held_runs_nothing() {
        long returned = TestItems.insert(node, "Laptop 1", "SN-1", "", "available", null);
        long heldByPetra = TestItems.insert(node, "Laptop 2", "SN-2", "", "checked_out", petra.id());
        long deleted = TestItems.insert(node, "Laptop 3", "SN-3", "", "checked_out", holly.id());
        TestItems.delete(node, deleted);

        deliver(new ItemCheckedOut(returned, holly.id(), holly.id(), Origin.WEB),
                new ItemAssigned(heldByPetra, holly.id(), petra.id(), Origin.WEB),
                new ItemApproved(deleted, holly.id(), petra.id(), Origin.WEB));

        assertThat(output.resolve("checkouts")).doesNotExist();
        assertThat(pluginEntries()).isEmpty();
    }

    @Test
    void empty_template_runs_nothing() {
        node.set("checkout_plugin", "");
        long item = TestItems.insert(node, "Laptop 1", "SN-1", "", "checked_out", holly.id());

        deliver(new ItemCheckedOut(item, holly.id(), holly.id(), Origin.WEB));

        assertThat(pluginEntries()).isEmpty();
        assertThat(output).isEmptyDirectory();
    }

    /** Publishes the events and waits until every plugin run they queued has finished. */
    private void deliver(DomainEvent... events) {
        Arrays.stream(events).forEach(node.wiring.events::publish);
        node.wiring.events.awaitDelivered(WAIT);
        node.wiring.plugins.awaitIdle(WAIT);
    }

    private List<String> lines() {
        try {
            return Files.readAllLines(output.resolve("checkouts"));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Returns the system log entries of plugin runs, oldest first. */
    private List<LogEntry> pluginEntries() {
        List<LogEntry> newestFirst = node.wiring.systemLog.newest(0, 100).stream()
                .filter(entry -> entry.category().equals("plugin")).toList();
        List<LogEntry> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private void assertNoPwnedFile() {
        try (Stream<Path> files = Files.walk(folder)) {
            assertThat(files.map(path -> path.getFileName().toString())).doesNotContain("pwned");
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        assertThat(Path.of("pwned")).doesNotExist();
    }
}
