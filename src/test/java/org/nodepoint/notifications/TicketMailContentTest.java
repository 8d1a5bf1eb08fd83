package org.nodepoint.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.notifications.MailFixture.addressOf;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.ReceivedMail;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;

/** The content of ticket mails: the changes, the comment, the new ticket's details, escaping and the link. */
class TicketMailContentTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path folder;

    private TestNodePoint node;
    private Product printers;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder, Map.of(Settings.SMTP_SERVER, "127.0.0.1",
                Settings.SMTP_PORT, String.valueOf(smtp.getSmtp().getPort()), Settings.SMTP_FROM, "desk@example.org",
                Settings.SMTP_SECURITY, "none", Settings.TICKET_VISIBILITY, "Public", Settings.API_IMPERSONATION, "on",
                // Level 3, so that uma may change descriptions in the update mail test.
                Settings.PAST_EDIT_LEVEL, "3"));
        printers = node.product("Printers", "Public");
        person("cora", Level.RESTRICTED_VIEW);
        person("uma", Level.TICKETS_MANAGEMENT);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void new_ticket_mail_lists_details() {
        User rita = person("rita", Level.TICKETS_MANAGEMENT);
        node.wiring.products.addRelease(node.viewer(rita), printers.id(), "2.0", "");

        node.http((server, client) -> {
            TicketActions actions = new TicketActions(client.getOrigin(), node);
            actions.api("api", "add_ticket", "product_id", String.valueOf(printers.id()), "release_id", "2.0", "priority", "High",
                    "title", "Paper jam", "description", "Tray 2 jams\nafter 10 pages", "from_user", "cora");

            String text = ReceivedMail.text(onlyMailTo(addressOf("rita")));
            assertThat(text).startsWith("cora filed ticket ")
                    .contains(": Paper jam\n\nProject: Printers\nRelease: 2.0\nPriority: High\n\nTray 2 jams\nafter 10 pages");
        });
    }

    @Test
    void update_mail_lists_changed_fields_and_note() {
        long id = coraFiles("Paper jam", "Tray 2 jams");

        node.http((server, client) -> {
            TicketActions actions = new TicketActions(client.getOrigin(), node);
            actions.updateOnWeb(actions.signedIn("uma"), id, Map.of("status", "Open", "priority", "High",
                    "description", "Tray 2 jams\nTray 1 too", "note", "Ordered a new roller"));

            MimeMessage mail = onlyMailTo(addressOf("cora"));
            assertThat(mail.getSubject()).isEqualTo("Test Desk - Ticket " + id + " updated: Paper jam");
            String text = ReceivedMail.text(mail);
            assertThat(text).startsWith("uma updated ticket " + id + ": Paper jam\n\n");
            assertThat(text).contains("\n\nStatus: New -> Open\n");
            assertThat(text).contains("\n\nPriority: Normal -> High\n");
            assertThat(text).contains("\n\nDescription before:\nTray 2 jams\n\nDescription after:\nTray 2 jams\nTray 1 too\n");
            assertThat(text).contains("\n\nNote:\nOrdered a new roller\n");
        });
    }

    @Test
    void update_that_only_records_time_sends_nothing() {
        long id = coraFiles("Paper jam", "Tray 2 jams");

        node.http((server, client) -> {
            TicketActions actions = new TicketActions(client.getOrigin(), node);
            actions.api("api", "update_ticket", "id", String.valueOf(id), "time_spent", "0.5");

            awaitMail();
            assertThat(smtp.getReceivedMessages()).isEmpty();
        });
    }

    @Test
    void comment_mail_carries_the_comment() {
        long id = coraFiles("Paper jam", "Tray 2 jams");

        node.http((server, client) -> {
            TicketActions actions = new TicketActions(client.getOrigin(), node);
            actions.commentOnWeb(actions.signedIn("uma"), id, "Cleaned the roller.\nTry again, please.");

            MimeMessage mail = onlyMailTo(addressOf("cora"));
            assertThat(mail.getSubject()).isEqualTo("Test Desk - New comment on ticket " + id + ": Paper jam");
            assertThat(ReceivedMail.text(mail)).startsWith("uma commented on ticket " + id + ": Paper jam\n\n"
                    + "Cleaned the roller.\nTry again, please.\n");
        });
    }

    @Test
    void html_part_escapes_title_and_comment() {
        String title = "<img src=x onerror=alert(1)> & \"quoted\"";
        long id = coraFiles(title, "Tray 2 jams");

        node.http((server, client) -> {
            TicketActions actions = new TicketActions(client.getOrigin(), node);
            actions.commentOnWeb(actions.signedIn("uma"), id, "</div><script>alert('x')</script>");

            MimeMessage mail = onlyMailTo(addressOf("cora"));
            String html = ReceivedMail.html(mail);
            assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot;");
            assertThat(html).contains("&lt;/div&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
            assertThat(html).doesNotContain("<img").doesNotContain("<script").doesNotContain("</div><script");
            assertThat(ReceivedMail.text(mail)).contains(title).contains("</div><script>alert('x')</script>");
            assertThat(mail.getSubject()).isEqualTo("Test Desk - New comment on ticket " + id + ": " + title);
        });
    }

    @Test
    void link_appears_only_with_public_url() {
        long id = coraFiles("Paper jam", "Tray 2 jams");

        node.http((server, client) -> {
            TicketActions actions = new TicketActions(client.getOrigin(), node);
            actions.api("api", "add_comment", "id", String.valueOf(id), "comment", "First");
            String withoutUrl = ReceivedMail.text(onlyMailTo(addressOf("cora")));
            smtp.purgeEmailFromAllMailboxes();
            node.set(Settings.PUBLIC_URL, "https://desk.example.org/");
            actions.api("api", "add_comment", "id", String.valueOf(id), "comment", "Second");
            MimeMessage linked = onlyMailTo(addressOf("cora"));

            assertThat(withoutUrl).doesNotContain("/tickets/").doesNotContain("http");
            assertThat(ReceivedMail.text(linked)).contains("\n\nOpen the ticket: https://desk.example.org/tickets/" + id + "\n");
            assertThat(ReceivedMail.html(linked))
                    .contains("<a href=\"https://desk.example.org/tickets/" + id + "\">https://desk.example.org/tickets/" + id + "</a>");
        });
    }

    /** Files a ticket as cora and waits until its events are handled, so that later mail comes from the test's action. */
    private long coraFiles(String title, String description) {
        User cora = node.wiring.users.findByName("cora").orElseThrow();
        long id = node.ticket(node.viewer(cora), printers, title, description);
        awaitMail();
        assertThat(smtp.getReceivedMessages()).isEmpty();
        return id;
    }

    private User person(String name, int level) {
        User user = node.user(name, level);
        MailFixture.confirmAddress(node, user);
        return MailFixture.reload(node, user);
    }

    private void awaitMail() {
        node.wiring.events.awaitDelivered(WAIT);
        node.wiring.mail.awaitIdle(WAIT);
    }

    /** Waits for the mail, then returns the one message received, which must be addressed to {@code address} only. */
    private MimeMessage onlyMailTo(String address) throws Exception {
        awaitMail();
        assertThat(ReceivedMail.addresses(smtp.getReceivedMessages())).containsExactly(address);
        return smtp.getReceivedMessages()[0];
    }
}
