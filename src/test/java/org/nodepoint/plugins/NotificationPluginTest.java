package org.nodepoint.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.events.Origin;
import org.nodepoint.notifications.Notification;
import org.nodepoint.projects.Product;
import org.nodepoint.syslog.LogEntry;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;

class NotificationPluginTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    @Test
    void notification_values_arrive_intact() throws IOException {
        try (TestNodePoint node = TestNodePoint.configured(folder.resolve("data"))) {
            Path output = Files.createDirectories(folder.resolve("output"));
            node.set("ext_plugin", "printf '%s\\n--\\n' %user% %title% %message% > '" + output.resolve("notification") + "'");
            // NodePoint 1.x turned each double quote into two single quotes and line breaks into spaces; both stay now.
            String title = "Ticket 7 \"Printer\" $(touch pwned)";
            String message = "Line one; `touch pwned`\nLine two 日本語";

            new NotificationPlugin(node.wiring.plugins).deliver(new Notification(42, "dana", title, message));
            node.wiring.plugins.awaitIdle(WAIT);

            assertThat(Files.readString(output.resolve("notification"))).isEqualTo("dana\n--\n" + title + "\n--\n" + message + "\n--\n");
            assertThat(node.wiring.systemLog.newest(0, 1).get(0).message()).isEqualTo("Plugin ext_plugin exited with code 0. No output.");
            try (var files = Files.walk(folder)) {
                assertThat(files.map(path -> path.getFileName().toString())).doesNotContain("pwned");
            }
        }
    }

    @Test
    void log_entry_names_the_recipient() {
        try (TestNodePoint node = TestNodePoint.configured(folder.resolve("data"), Map.of(Settings.TICKET_VISIBILITY, "Public"))) {
            node.set("ext_plugin", "true");
            Product printers = node.product("Printers", "Public");
            User cora = node.user("cora", Level.AUTHORIZED);
            User uma = node.user("uma", Level.TICKETS_MANAGEMENT);
            long id = node.ticket(node.viewer(cora), printers, "Paper jam", "Tray 2 jams");
            node.wiring.events.awaitDelivered(WAIT);
            node.wiring.plugins.awaitIdle(WAIT);

            node.wiring.tickets.comment(node.viewer(uma), id, "Cleaned the roller", Origin.WEB);
            node.wiring.events.awaitDelivered(WAIT);
            node.wiring.plugins.awaitIdle(WAIT);

            List<LogEntry> runs = node.wiring.systemLog.newest(0, 10).stream()
                    .filter(entry -> entry.message().startsWith("Plugin ext_plugin"))
                    .toList();
            // cora's new ticket notifies admin, who created the product's release, and uma's comment notifies cora, who filed it.
            assertThat(runs).extracting(LogEntry::actor).as("actors of the runs").containsOnly("cora", "admin").contains("cora", "admin");
        }
    }

    @Test
    void empty_template_delivers_nothing() {
        try (TestNodePoint node = TestNodePoint.configured(folder.resolve("data"))) {
            new NotificationPlugin(node.wiring.plugins).deliver(new Notification(42, "dana", "Ticket 7", "Updated"));
            node.wiring.plugins.awaitIdle(WAIT);

            assertThat(node.wiring.systemLog.newest(0, 10)).isEmpty();
        }
    }
}
