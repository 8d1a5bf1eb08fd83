package org.nodepoint.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.notifications.MailFixture.addressOf;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.ReceivedMail;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;

/**
 * Who receives mail for each of the six triggers (web and API filing, updates and comments), and
 * who does not: the actor, level 0, disabled accounts, unconfirmed or empty addresses, and users
 * who may not read the ticket.
 */
class TicketMailRecipientsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern ADDED = Pattern.compile("Ticket (\\d+) added");

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path folder;

    private TestNodePoint node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    private TestNodePoint start(String ticketVisibility) {
        Map<String, String> settings = new HashMap<>();
        settings.put(Settings.SMTP_SERVER, "127.0.0.1");
        settings.put(Settings.SMTP_PORT, String.valueOf(smtp.getSmtp().getPort()));
        settings.put(Settings.SMTP_FROM, "desk@example.org");
        settings.put(Settings.SMTP_SECURITY, "none");
        settings.put(Settings.TICKET_VISIBILITY, ticketVisibility);
        settings.put(Settings.API_IMPERSONATION, "on");
        node = TestNodePoint.configured(folder, settings);
        return node;
    }

    // Filing a ticket.

    @Test
    void web_filing_mails_each_release_creator_once() {
        start("Public");
        Product printers = node.product("Printers", "Public");
        releaser("rita", Level.TICKETS_MANAGEMENT, printers, "2.0", "2.1", "2.2");
        releaser("rob", Level.PROJECTS_MANAGEMENT, printers, "3.0");
        person("cora", Level.AUTHORIZED);
        person("bystander", Level.USERS_MANAGEMENT);
        Product other = node.product("Scanners", "Public");
        releaser("sam", Level.TICKETS_MANAGEMENT, other, "1.1");

        node.http((server, client) -> {
            TicketActions actions = new TicketActions(client.getOrigin(), node);
            long id = actions.fileOnWeb(actions.signedIn("cora"), printers.id(), "Paper jam", "Tray 2 jams");

            assertThat(mailedAddresses()).containsExactlyInAnyOrder(addressOf("rita"), addressOf("rob"));
            assertThat(ReceivedMail.to(smtp.getReceivedMessages(), addressOf("rita")).getSubject())
                    .isEqualTo("Test Desk - New ticket " + id + ": Paper jam");
        });
    }

    @Test
    void web_filing_skips_the_filer_among_release_creators() {
        start("Public");
        Product printers = node.product("Printers", "Public");
        releaser("rita", Level.TICKETS_MANAGEMENT, printers, "2.0");
        releaser("rob", Level.TICKETS_MANAGEMENT, printers, "3.0");

        node.http((server, client) -> {
            TicketActions actions = new TicketActions(client.getOrigin(), node);
            actions.fileOnWeb(actions.signedIn("rob"), printers.id(), "Paper jam", "Tray 2 jams");

            assertThat(mailedAddresses()).containsExactly(addressOf("rita"));
        });
    }

    @Test
    void api_filing_skips_excluded_release_creators() {
        start("Public");
        Product printers = node.product("Printers", "Public");
        releaser("rita", Level.TICKETS_MANAGEMENT, printers, "2.0");
        releaser("zed", Level.UNAUTHORIZED, printers, "2.1");
        MailFixture.disable(node, releaser("olga", Level.TICKETS_MANAGEMENT, printers, "2.2"));
        MailFixture.setAddress(node, releaser("uwe", Level.TICKETS_MANAGEMENT, printers, "2.3"), addressOf("uwe"), false);
        MailFixture.setAddress(node, releaser("erin", Level.TICKETS_MANAGEMENT, printers, "2.4"), "", true);

        node.http((server, client) -> {
            TicketActions actions = new TicketActions(client.getOrigin(), node);
            actions.api("api", "add_ticket", "product_id", String.valueOf(printers.id()), "release_id", "2.0",
                    "title", "Paper jam", "description", "Tray 2 jams");

            assertThat(mailedAddresses()).containsExactly(addressOf("rita"));
        });
    }

    @Test
    void api_filing_as_impersonated_user_skips_that_user() {
        start("Public");
        Product printers = node.product("Printers", "Public");
        releaser("rita", Level.TICKETS_MANAGEMENT, printers, "2.0");
        releaser("rob", Level.TICKETS_MANAGEMENT, printers, "3.0");

        node.http((server, client) -> {
            TicketActions actions = new TicketActions(client.getOrigin(), node);
            String response = actions.api("api", "add_ticket", "product_id", String.valueOf(printers.id()), "release_id", "2.0",
                    "title", "Paper jam", "description", "Tray 2 jams", "from_user", "rob");

            assertThat(mailedAddresses()).containsExactly(addressOf("rita"));
            Matcher added = ADDED.matcher(response);
            assertThat(added.find()).isTrue();
            assertThat(ReceivedMail.text(smtp.getReceivedMessages()[0])).startsWith("rob filed ticket " + added.group(1) + ": Paper jam");
        });
    }

    @Test
    void filing_skips_releasers_who_cannot_read() {
        start("Public");
        Product vault = node.product("Vault", "Restricted");
        releaser("rita", Level.TICKETS_MANAGEMENT, vault, "2.0");
        releaser("lena", Level.AUTHORIZED, vault, "2.1");
        person("fiona", Level.RESTRICTED_VIEW);

        node.http((server, client) -> {
            TicketActions actions = new TicketActions(client.getOrigin(), node);
            actions.fileOnWeb(actions.signedIn("fiona"), vault.id(), "Lock broken", "The vault lock sticks");

            assertThat(mailedAddresses()).containsExactly(addressOf("rita"));
        });
    }

    // Updates and comments go to the assignees, the creator and the followers.

    @Test
    void web_update_mails_participants_but_not_the_editor() {
        Participants ticket = participantsOfNewTicket("Public", "Public");

        node.http((server, client) -> {
            TicketActions actions = new TicketActions(client.getOrigin(), node);
            actions.updateOnWeb(actions.signedIn("uma"), ticket.id(), Map.of("status", "Open", "note", "Ordered a new roller"));

            assertThat(mailedAddresses()).containsExactlyInAnyOrder(addressOf("cora"), addressOf("asha"), addressOf("fred"));
        });
    }

    @Test
    void api_update_mails_every_participant() {
        Participants ticket = participantsOfNewTicket("Public", "Public");

        node.http((server, client) -> {
            TicketActions actions = new TicketActions(client.getOrigin(), node);
            actions.api("api", "update_ticket", "id", String.valueOf(ticket.id()), "status", "Open", "summary", "Ordered a new roller");

            assertThat(mailedAddresses()).containsExactlyInAnyOrder(addressOf("cora"), addressOf("asha"), addressOf("uma"),
                    addressOf("fred"));
        });
    }

    @Test
    void web_comment_mails_participants_but_not_the_author() {
        Participants ticket = participantsOfNewTicket("Public", "Public");

        node.http((server, client) -> {
            TicketActions actions = new TicketActions(client.getOrigin(), node);
            actions.commentOnWeb(actions.signedIn("cora"), ticket.id(), "Still jamming");

            assertThat(mailedAddresses()).containsExactlyInAnyOrder(addressOf("asha"), addressOf("uma"), addressOf("fred"));
        });
    }

    @Test
    void api_comment_mails_every_participant() {
        Participants ticket = participantsOfNewTicket("Public", "Public");

        node.http((server, client) -> {
            TicketActions actions = new TicketActions(client.getOrigin(), node);
            actions.api("api", "add_comment", "id", String.valueOf(ticket.id()), "comment", "Still jamming");

            assertThat(mailedAddresses()).containsExactlyInAnyOrder(addressOf("cora"), addressOf("asha"), addressOf("uma"),
                    addressOf("fred"));
        });
    }

    @Test
    void restricted_product_skips_level_one_participants() {
        Participants ticket = participantsOfNewTicket("Public", "Restricted");
        User lena = person("lena", Level.AUTHORIZED);
        MailFixture.assign(node, ticket.id(), lena);
        User leo = person("leo", Level.AUTHORIZED);
        MailFixture.follow(node, ticket.id(), leo);

        node.http((server, client) -> {
            TicketActions actions = new TicketActions(client.getOrigin(), node);
            actions.api("api", "add_comment", "id", String.valueOf(ticket.id()), "comment", "Still jamming");

            assertThat(mailedAddresses()).containsExactlyInAnyOrder(addressOf("cora"), addressOf("asha"), addressOf("uma"),
                    addressOf("fred"));
        });
    }

    @Test
    void restricted_visibility_skips_level_one_assignee() {
        Participants ticket = participantsOfNewTicket("Restricted", "Public");
        MailFixture.setLevel(node, ticket.cora(), Level.AUTHORIZED);
        User lena = person("lena", Level.AUTHORIZED);
        MailFixture.assign(node, ticket.id(), lena);

        node.http((server, client) -> {
            TicketActions actions = new TicketActions(client.getOrigin(), node);
            actions.updateOnWeb(actions.signedIn("uma"), ticket.id(), Map.of("status", "Open", "note", "Ordered a new roller"));

            assertThat(mailedAddresses()).containsExactlyInAnyOrder(addressOf("cora"), addressOf("asha"), addressOf("fred"));
        });
    }

    @Test
    void level_is_checked_when_mail_is_built() {
        Participants ticket = participantsOfNewTicket("Public", "Restricted");
        MailFixture.setLevel(node, ticket.asha(), Level.AUTHORIZED);
        MailFixture.setLevel(node, ticket.fred(), Level.UNAUTHORIZED);

        node.http((server, client) -> {
            TicketActions actions = new TicketActions(client.getOrigin(), node);
            actions.api("api", "add_comment", "id", String.valueOf(ticket.id()), "comment", "Still jamming");

            assertThat(mailedAddresses()).containsExactlyInAnyOrder(addressOf("cora"), addressOf("uma"));
        });
    }

    /** A ticket filed by cora, with the people who may hear about it and those who must not. */
    record Participants(long id, User cora, User asha, User fred) {
    }

    /**
     * Files a ticket as cora (level 2) on a product of the given visibility and adds participants.
     * Assignees asha and uma (level 3) and follower fred (level 2) have confirmed addresses. The
     * others must get no mail: assignee zed (level 0), disabled assignee olga, follower uwe with an
     * unconfirmed address and follower erin without an address. Mail from the filing is deleted.
     */
    private Participants participantsOfNewTicket(String ticketVisibility, String productVisibility) {
        start(ticketVisibility);
        Product printers = node.product("Printers", productVisibility);
        User cora = person("cora", Level.RESTRICTED_VIEW);
        long id = node.ticket(node.viewer(cora), printers, "Paper jam", "Tray 2 jams");
        User asha = person("asha", Level.TICKETS_MANAGEMENT);
        User uma = person("uma", Level.TICKETS_MANAGEMENT);
        User fred = person("fred", Level.RESTRICTED_VIEW);
        User zed = person("zed", Level.UNAUTHORIZED);
        User olga = person("olga", Level.TICKETS_MANAGEMENT);
        MailFixture.disable(node, olga);
        User uwe = person("uwe", Level.TICKETS_MANAGEMENT);
        MailFixture.setAddress(node, uwe, addressOf("uwe"), false);
        User erin = person("erin", Level.TICKETS_MANAGEMENT);
        MailFixture.setAddress(node, erin, "", true);
        for (User assignee : List.of(asha, uma, zed, olga)) {
            MailFixture.assign(node, id, assignee);
        }
        for (User follower : List.of(fred, uwe, erin)) {
            MailFixture.follow(node, id, follower);
        }
        settle();
        return new Participants(id, cora, asha, fred);
    }

    /** Creates a user of the given level with a confirmed address. */
    private User person(String name, int level) {
        User user = node.user(name, level);
        MailFixture.confirmAddress(node, user);
        return MailFixture.reload(node, user);
    }

    /** Creates a user who adds the releases at level 3 and then has the given level. */
    private User releaser(String name, int level, Product product, String... versions) {
        User user = person(name, Level.TICKETS_MANAGEMENT);
        for (String version : versions) {
            node.wiring.products.addRelease(node.viewer(user), product.id(), version, "");
        }
        MailFixture.setLevel(node, user, level);
        return MailFixture.reload(node, user);
    }

    /** Waits for the events and mails so far, then deletes the mail received. */
    private void settle() {
        node.wiring.events.awaitDelivered(WAIT);
        node.wiring.mail.awaitIdle(WAIT);
        try {
            smtp.purgeEmailFromAllMailboxes();
        } catch (FolderException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private List<String> mailedAddresses() throws Exception {
        node.wiring.events.awaitDelivered(WAIT);
        node.wiring.mail.awaitIdle(WAIT);
        return ReceivedMail.addresses(smtp.getReceivedMessages());
    }
}
