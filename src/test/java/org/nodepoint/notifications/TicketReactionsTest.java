package org.nodepoint.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.notifications.MailFixture.addressOf;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.ReceivedMail;
import org.nodepoint.testing.TestMail;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;

/**
 * One ticket's life through the web pages with mail and every ticket plugin configured: each step
 * mails the right people through a real SMTP server and runs the plugins with hostile values intact.
 */
class TicketReactionsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TITLE = "Printer \"$(touch pwned)\" `touch pwned`; rm -rf / | cat 日本語";
    private static final String RESOLUTION = "Replaced toner; $(touch pwned)\nsecond line 'quoted'";
    private static final String COMMENT = "Works again <script>alert(1)</script> $(touch pwned)";

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path folder;

    @Test
    void file_update_comment_mail_and_run_plugins() throws Exception {
        Path output = Files.createDirectories(folder.resolve("output"));
        Map<String, String> settings = new HashMap<>(TestMail.settings(smtp));
        settings.put(Settings.TICKET_VISIBILITY, "Public");
        settings.put("newticket_plugin", "printf '%s' %title% > '" + output.resolve("new-ticket") + "'");
        settings.put("ticket_plugin", "printf '%s|%s' %status% %resolution% > '" + output.resolve("resolution") + "'");
        settings.put("ext_plugin", "printf '%s\\n' %user% >> '" + output.resolve("notified") + "'");
        try (TestNodePoint node = TestNodePoint.configured(folder.resolve("data"), settings)) {
            Product printers = node.product("Printers", "Public");
            User reporter = node.user("reporter", Level.AUTHORIZED);
            User manager = node.user("manager", Level.TICKETS_MANAGEMENT);
            User watcher = node.user("watcher", Level.AUTHORIZED);
            MailFixture.confirmAddress(node, reporter);
            MailFixture.confirmAddress(node, manager);
            node.http((server, client) -> {
                TicketActions actions = new TicketActions(client.getOrigin(), node);
                Browser reporterBrowser = actions.signedIn("reporter");
                Browser managerBrowser = actions.signedIn("manager");

                long id = actions.fileOnWeb(reporterBrowser, printers.id(), TITLE, "Tray 2 is empty");
                awaitReactions(node);
                assertThat(Files.readString(output.resolve("new-ticket"))).isEqualTo(TITLE);
                assertThat(smtp.getReceivedMessages()).as("only the admin, without an address, takes part yet").isEmpty();

                MailFixture.assign(node, id, manager);
                MailFixture.follow(node, id, watcher);
                actions.updateOnWeb(managerBrowser, id, Map.of("status", "Resolved", "resolution", RESOLUTION));
                awaitReactions(node);
                assertThat(Files.readString(output.resolve("resolution"))).isEqualTo("Resolved|" + RESOLUTION);
                assertThat(ReceivedMail.addresses(smtp.getReceivedMessages())).containsExactly(addressOf("reporter"));

                actions.commentOnWeb(reporterBrowser, id, COMMENT);
                awaitReactions(node);
                assertThat(ReceivedMail.addresses(smtp.getReceivedMessages()))
                        .containsExactlyInAnyOrder(addressOf("reporter"), addressOf("manager"));
                String commentMail = ReceivedMail.html(ReceivedMail.to(smtp.getReceivedMessages(), addressOf("manager")));
                assertThat(commentMail).contains("&lt;script&gt;").doesNotContain("<script>");
            });

            // The admin created the product's release and the watcher follows the ticket. Neither has a
            // confirmed address, so only the notification plugin tells them.
            assertThat(Files.readAllLines(output.resolve("notified")))
                    .containsExactlyInAnyOrder("admin", "reporter", "watcher", "manager", "watcher");
            try (Stream<Path> files = Files.walk(folder)) {
                assertThat(files.map(path -> path.getFileName().toString())).doesNotContain("pwned");
            }
        }
    }

    private static void awaitReactions(TestNodePoint node) {
        node.wiring.events.awaitDelivered(WAIT);
        node.wiring.plugins.awaitIdle(WAIT);
        node.wiring.mail.awaitIdle(WAIT);
    }
}
