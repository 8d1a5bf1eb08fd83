package org.nodepoint.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.notifications.MailFixture.addressOf;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;

/**
 * A mail server that accepts connections and never sends its greeting. Nothing calls accept() on
 * the listening socket, so the operating system completes the connection and no greeting arrives.
 */
class UnansweringMailServerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    @Test
    void silent_server_does_not_delay_request() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                TestNodePoint node = TestNodePoint.configured(folder, Map.of(Settings.SMTP_SERVER, "127.0.0.1",
                        Settings.SMTP_PORT, String.valueOf(silent.getLocalPort()), Settings.SMTP_FROM, "desk@example.org",
                        Settings.SMTP_SECURITY, "none", Settings.TICKET_VISIBILITY, "Public"))) {
            Product printers = node.product("Printers", "Public");
            User cora = node.user("cora", Level.RESTRICTED_VIEW);
            MailFixture.confirmAddress(node, cora);
            node.user("uma", Level.TICKETS_MANAGEMENT);
            long id = node.ticket(node.viewer(cora), printers, "Paper jam", "Tray 2 jams");
            node.wiring.events.awaitDelivered(WAIT);
            assertThat(node.wiring.mail.unfinishedCount()).as("mail before the comment").isZero();

            node.http((server, client) -> {
                TicketActions actions = new TicketActions(client.getOrigin(), node);
                Browser.Page posted = actions.commentOnWeb(actions.signedIn("uma"), id, "Cleaned the roller");

                assertThat(posted.status()).isEqualTo(302);
                node.wiring.events.awaitDelivered(WAIT);
                assertThat(node.wiring.mail.unfinishedCount()).as("mails still waiting for the silent server").isEqualTo(1);
            });

            // Closing the listening socket resets the waiting connection, and the retries find the port closed.
            silent.close();
            node.wiring.mail.awaitIdle(WAIT);
            assertThat(node.wiring.systemLog.newest(0, 10)).singleElement().satisfies(entry -> {
                assertThat(entry.category()).isEqualTo("mail");
                assertThat(entry.actor()).isEqualTo(addressOf("cora"));
                assertThat(entry.message()).contains("New comment on ticket " + id + ": Paper jam").contains("after 3 attempts");
            });
        }
    }
}
