package org.nodepoint.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.syslog.LogEntry;
import org.nodepoint.testing.CapturedLogs;
import org.nodepoint.testing.TestNodePoint;

/**
 * Stopping NodePoint while the mail server is silent: it accepts connections and never sends its
 * greeting, because nothing calls accept() on the listening socket.
 */
class MailShutdownTest {
    /** The production SMTP deadline, so that only the shutdown ends the conversation, and a short shutdown wait. */
    private static final MailOutbox.Timing TIMING = new MailOutbox.Timing(TestNodePoint.MAIL_RETRIES, Duration.ofSeconds(30),
            Duration.ofSeconds(1));

    @TempDir
    Path folder;

    @Test
    void close_records_unsent_mails_once() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress()); CapturedLogs logs = new CapturedLogs()) {
            TestNodePoint node = TestNodePoint.configured(folder, Map.of(Settings.SMTP_SERVER, "127.0.0.1",
                    Settings.SMTP_PORT, String.valueOf(silent.getLocalPort()), Settings.SMTP_FROM, "desk@example.org",
                    Settings.SMTP_SECURITY, "none"), TIMING);
            for (String name : List.of("ann", "ben", "cy")) {
                node.wiring.mail.send(new OutgoingMail(name, name + "@example.org", "Ticket 7 changed", "Body"));
            }

            node.close();

            try (TestNodePoint reopened = TestNodePoint.reopen(folder)) {
                List<LogEntry> mailEntries = reopened.wiring.systemLog.newest(0, 20).stream()
                        .filter(entry -> entry.category().equals("mail"))
                        .toList();
                assertThat(mailEntries).singleElement().satisfies(entry -> {
                    assertThat(entry.actor()).isEmpty();
                    assertThat(entry.message()).isEqualTo(
                            "3 mails were not sent before shutdown and will not be sent: to ann@example.org, ben@example.org, cy@example.org");
                });
            }
            assertThat(logs.lines()).as("log lines").noneMatch(line -> line.contains("System log entry not stored"));
            assertThat(logs.lines()).as("log lines").noneMatch(line -> line.contains("trying again"));
        }
    }
}
