package org.nodepoint.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.notifications.MailFixture.addressOf;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.events.Origin;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.ReceivedMail;
import org.nodepoint.testing.TestMail;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;

/**
 * Who receives mail when a ticket gets an assignee or an attention flag, when a user follows a
 * ticket, and when an auto-assignment list changes: exactly the user concerned, unless they acted
 * themselves.
 */
class PeopleMailTest {
    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path folder;

    private TestNodePoint node;
    private Product printers;
    private long ticketId;
    private User cora;
    private User asha;
    private User uma;

    /**
     * Files a ticket as cora (level 1) with a manager's follower and assignee, so that a mail that
     * went to every participant would reach them: uma and asha are level 3, fred level 2.
     */
    @BeforeEach
    void start() {
        Map<String, String> settings = TestMail.settingsWithLinks(smtp);
        settings.put(Settings.TICKET_VISIBILITY, "Public");
        settings.put(Settings.API_IMPERSONATION, "on");
        node = TestNodePoint.configured(folder, settings);
        printers = node.product("Printers", "Public");
        cora = person("cora", Level.AUTHORIZED);
        uma = person("uma", Level.TICKETS_MANAGEMENT);
        asha = person("asha", Level.TICKETS_MANAGEMENT);
        User fred = person("fred", Level.RESTRICTED_VIEW);
        ticketId = node.ticket(node.viewer(cora), printers, "Paper jam", "Tray 2 jams");
        MailFixture.follow(node, ticketId, fred);
        MailFixture.assign(node, ticketId, uma);
        settle();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void web_assignment_mails_exactly_the_assignee() throws Exception {
        node.http((server, client) -> {
            Browser browser = new TicketActions(client.getOrigin(), node).signedIn("uma");
            browser.get("/tickets/" + ticketId);

            browser.post("/tickets/" + ticketId + "/assignees", Map.of("userId", String.valueOf(asha.id())));

            assertThat(mailedAddresses()).containsExactly(addressOf("asha"));
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertThat(ReceivedMail.subject(mail)).isEqualTo("Test Desk - You are assigned to ticket " + ticketId + ": Paper jam");
            assertThat(ReceivedMail.text(mail)).startsWith("uma assigned you to ticket " + ticketId + ": Paper jam")
                    .contains(TestMail.PUBLIC_URL + "/tickets/" + ticketId);
        });
    }

    @Test
    void self_assignment_mails_nobody() throws Exception {
        node.http((server, client) -> {
            Browser browser = new TicketActions(client.getOrigin(), node).signedIn("asha");
            browser.get("/tickets/" + ticketId);

            browser.post("/tickets/" + ticketId + "/assignees", Map.of("userId", String.valueOf(asha.id())));

            assertThat(node.wiring.tickets.show(node.admin(), ticketId).assignees()).contains("asha");
            assertThat(mailedAddresses()).isEmpty();
        });
    }

    @Test
    void api_assignment_mails_exactly_the_assignee() throws Exception {
        node.http((server, client) -> {
            TicketActions actions = new TicketActions(client.getOrigin(), node);

            actions.api("api", "assign_ticket", "id", String.valueOf(ticketId), "user", "asha", "from_user", "uma");

            assertThat(mailedAddresses()).containsExactly(addressOf("asha"));
            assertThat(ReceivedMail.text(smtp.getReceivedMessages()[0])).startsWith("uma assigned you to ticket " + ticketId);
        });
    }

    @Test
    void attention_mails_exactly_the_flagged_user() throws Exception {
        node.http((server, client) -> {
            TicketActions actions = new TicketActions(client.getOrigin(), node);

            actions.updateOnWeb(actions.signedIn("uma"), ticketId, Map.of("notify", String.valueOf(cora.id())));

            assertThat(mailedAddresses()).containsExactly(addressOf("cora"));
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertThat(ReceivedMail.subject(mail)).isEqualTo("Test Desk - Ticket " + ticketId + " needs your attention: Paper jam");
            assertThat(ReceivedMail.text(mail)).startsWith("uma asked you to look at ticket " + ticketId + ": Paper jam");
        });
    }

    @Test
    void attention_with_update_mails_participants_once() throws Exception {
        node.http((server, client) -> {
            TicketActions actions = new TicketActions(client.getOrigin(), node);

            actions.updateOnWeb(actions.signedIn("uma"), ticketId, Map.of("status", "Open", "notify", String.valueOf(asha.id())));

            assertThat(mailedAddresses()).containsExactlyInAnyOrder(addressOf("cora"), addressOf("fred"), addressOf("asha"));
            assertThat(ReceivedMail.subject(ReceivedMail.to(smtp.getReceivedMessages(), addressOf("asha"))))
                    .isEqualTo("Test Desk - Ticket " + ticketId + " needs your attention: Paper jam");
        });
    }

    @Test
    void follow_mails_nobody() throws Exception {
        node.http((server, client) -> {
            Browser browser = new TicketActions(client.getOrigin(), node).signedIn("asha");
            browser.get("/tickets/" + ticketId);

            browser.post("/tickets/" + ticketId + "/follow", Map.of());

            assertThat(node.wiring.tickets.show(node.admin(), ticketId).followers()).contains("asha");
            assertThat(mailedAddresses()).isEmpty();
        });
    }

    @Test
    void web_filing_mails_auto_assignees() throws Exception {
        node.wiring.autoAssignees.add(node.viewer(asha), printers.id(), null, Origin.WEB);
        settle();
        node.http((server, client) -> {
            TicketActions actions = new TicketActions(client.getOrigin(), node);

            long id = actions.fileOnWeb(actions.signedIn("cora"), printers.id(), "Toner empty", "No more toner");

            assertThat(mailedAddresses()).containsExactly(addressOf("asha"));
            assertThat(ReceivedMail.subject(smtp.getReceivedMessages()[0])).isEqualTo("Test Desk - New ticket " + id + ": Toner empty");
        });
    }

    @Test
    void auto_assignment_by_manager_mails_that_user() throws Exception {
        person("rob", Level.PROJECTS_MANAGEMENT);
        node.http((server, client) -> {
            Browser browser = new TicketActions(client.getOrigin(), node).signedIn("rob");
            browser.get("/projects/" + printers.id());

            browser.post("/projects/" + printers.id() + "/auto-assign", Map.of("userId", String.valueOf(asha.id())));
            List<String> afterAdd = mailedAddresses();
            MimeMessage added = smtp.getReceivedMessages()[0];
            purge();
            browser.get("/projects/" + printers.id());
            browser.post("/projects/" + printers.id() + "/auto-assign/remove", Map.of("userId", String.valueOf(asha.id())));

            assertThat(afterAdd).containsExactly(addressOf("asha"));
            assertThat(ReceivedMail.subject(added)).isEqualTo("Test Desk - You are auto-assigned to Printers");
            assertThat(ReceivedMail.text(added)).startsWith("rob added you to the auto-assignment list of the project Printers.")
                    .contains(TestMail.PUBLIC_URL + "/projects/" + printers.id());
            assertThat(mailedAddresses()).containsExactly(addressOf("asha"));
            assertThat(ReceivedMail.subject(smtp.getReceivedMessages()[0])).isEqualTo("Test Desk - You are no longer auto-assigned to Printers");
        });
    }

    @Test
    void joining_auto_assignment_mails_nobody() throws Exception {
        node.http((server, client) -> {
            Browser browser = new TicketActions(client.getOrigin(), node).signedIn("asha");
            browser.get("/projects/" + printers.id());

            browser.post("/projects/" + printers.id() + "/auto-assign", Map.of());

            assertThat(node.wiring.autoAssignees.list(printers.id())).hasSize(1);
            assertThat(mailedAddresses()).isEmpty();
        });
    }

    /** Creates a user of the given level with a confirmed address. */
    private User person(String name, int level) {
        User user = node.user(name, level);
        MailFixture.confirmAddress(node, user);
        return MailFixture.reload(node, user);
    }

    /** Waits for the events and mails so far, then deletes the mail received. */
    private void settle() {
        node.wiring.events.awaitDelivered(TestMail.WAIT);
        node.wiring.mail.awaitIdle(TestMail.WAIT);
        purge();
    }

    private static void purge() {
        try {
            smtp.purgeEmailFromAllMailboxes();
        } catch (FolderException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private List<String> mailedAddresses() {
        node.wiring.events.awaitDelivered(TestMail.WAIT);
        node.wiring.mail.awaitIdle(TestMail.WAIT);
        return ReceivedMail.addresses(smtp.getReceivedMessages());
    }
}
