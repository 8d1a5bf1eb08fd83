package org.nodepoint.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.notifications.Notification;
import org.nodepoint.testing.TestNodePoint;

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
    void empty_template_delivers_nothing() {
        try (TestNodePoint node = TestNodePoint.configured(folder.resolve("data"))) {
            new NotificationPlugin(node.wiring.plugins).deliver(new Notification(42, "dana", "Ticket 7", "Updated"));
            node.wiring.plugins.awaitIdle(WAIT);

            assertThat(node.wiring.systemLog.newest(0, 10)).isEmpty();
        }
    }
}
