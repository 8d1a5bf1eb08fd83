package org.nodepoint.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.notifications.MailFixture.addressOf;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.events.DomainEvent;
import org.nodepoint.events.ItemApproved;
import org.nodepoint.events.ItemAssigned;
import org.nodepoint.events.ItemCheckedOut;
import org.nodepoint.events.ItemDenied;
import org.nodepoint.events.ItemRequested;
import org.nodepoint.events.ItemReturned;
import org.nodepoint.events.Origin;
import org.nodepoint.testing.ReceivedMail;
import org.nodepoint.testing.TestItems;
import org.nodepoint.testing.TestMail;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;

/**
 * Item mails: who receives each item event, that the hand-over information reaches only the user
 * who holds the item, and that nothing is sent for an item that is gone or in another state.
 */
class ItemMailTest {
    private static final String INFO = "Locker 12, code 4471";
    private static final String SERIAL = "SN-2024-117";

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path folder;

    private TestNodePoint node;
    private User holly;
    private User petra;
    private User quinn;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder.resolve("data"), TestMail.settings(smtp));
        holly = person("holly", Level.AUTHORIZED);
        petra = person("petra", Level.PROJECTS_MANAGEMENT);
        quinn = person("quinn", Level.USERS_MANAGEMENT);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void checkout_mails_holder_with_info() {
        long item = TestItems.insert(node, "Laptop 7", SERIAL, INFO, "checked_out", holly.id());

        deliver(new ItemCheckedOut(item, holly.id(), holly.id(), Origin.WEB));

        MimeMessage mail = onlyMailTo(addressOf("holly"));
        assertThat(ReceivedMail.subject(mail)).isEqualTo("Test Desk - Item checked out: Laptop 7");
        assertThat(ReceivedMail.text(mail)).startsWith("The item Laptop 7 is now checked out to you.\n\nSerial number: " + SERIAL
                + "\n\nHand-over information, sent only to you as the holder:\n" + INFO);
        assertThat(ReceivedMail.text(mail)).doesNotContain("/items/");
    }

    @Test
    void request_mails_requester_and_approvers_without_info() {
        User admin = node.wiring.users.findByName("admin").orElseThrow();
        MailFixture.confirmAddress(node, admin);
        person("tess", Level.TICKETS_MANAGEMENT);
        User dora = person("dora", Level.PROJECTS_MANAGEMENT);
        MailFixture.disable(node, dora);
        User lena = node.user("lena", Level.PROJECTS_MANAGEMENT);
        MailFixture.setAddress(node, lena, addressOf("lena"), false);
        long item = TestItems.insert(node, "Laptop 7", SERIAL, INFO, "waiting", holly.id());

        deliver(new ItemRequested(item, holly.id(), holly.id(), Origin.WEB));

        assertThat(mailedAddresses()).containsExactlyInAnyOrder(addressOf("holly"), addressOf("petra"), addressOf("quinn"),
                addressOf("admin"));
        MimeMessage confirmation = onlyMailTo(addressOf("holly"));
        assertThat(ReceivedMail.subject(confirmation)).isEqualTo("Test Desk - Request waiting for approval: Laptop 7");
        assertThat(ReceivedMail.text(confirmation)).startsWith("Your request for the item Laptop 7 is waiting for approval");
        MimeMessage approval = onlyMailTo(addressOf("petra"));
        assertThat(ReceivedMail.subject(approval)).isEqualTo("Test Desk - Approval needed: Laptop 7");
        assertThat(ReceivedMail.text(approval)).startsWith("holly requested the item Laptop 7, which needs approval.")
                .contains("Serial number: " + SERIAL);
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            assertThat(ReceivedMail.text(mail)).as(ReceivedMail.recipients(mail).toString()).doesNotContain(INFO);
            assertThat(ReceivedMail.html(mail)).as(ReceivedMail.recipients(mail).toString()).doesNotContain("4471");
        }
    }

    @Test
    void approval_mails_requester_with_info() {
        long item = TestItems.insert(node, "Laptop 7", SERIAL, INFO, "checked_out", holly.id());

        deliver(new ItemApproved(item, holly.id(), petra.id(), Origin.WEB));

        assertThat(mailedAddresses()).containsExactly(addressOf("holly"));
        MimeMessage mail = onlyMailTo(addressOf("holly"));
        assertThat(ReceivedMail.subject(mail)).isEqualTo("Test Desk - Request approved: Laptop 7");
        assertThat(ReceivedMail.text(mail)).startsWith("petra approved your request for the item Laptop 7.").contains(INFO);
    }

    @Test
    void denial_mails_requester_without_info() {
        long item = TestItems.insert(node, "Laptop 7", SERIAL, INFO, "available", null);

        deliver(new ItemDenied(item, holly.id(), petra.id(), Origin.WEB));

        assertThat(mailedAddresses()).containsExactly(addressOf("holly"));
        MimeMessage mail = onlyMailTo(addressOf("holly"));
        assertThat(ReceivedMail.subject(mail)).isEqualTo("Test Desk - Request denied: Laptop 7");
        assertThat(ReceivedMail.text(mail)).startsWith("petra denied your request for the item Laptop 7.").doesNotContain(INFO);
    }

    @Test
    void assignment_mails_assignee_with_info_and_link() {
        node.set(Settings.PUBLIC_URL, TestMail.PUBLIC_URL);
        long item = TestItems.insert(node, "Laptop 7", null, INFO, "checked_out", holly.id());

        deliver(new ItemAssigned(item, holly.id(), petra.id(), Origin.API));

        assertThat(mailedAddresses()).containsExactly(addressOf("holly"));
        String text = ReceivedMail.text(onlyMailTo(addressOf("holly")));
        assertThat(text).startsWith("petra assigned the item Laptop 7 to you.").contains(INFO)
                .contains("Open the item: " + TestMail.PUBLIC_URL + "/items/" + item).doesNotContain("Serial number");
    }

    @Test
    void return_mails_nobody() {
        long item = TestItems.insert(node, "Laptop 7", SERIAL, INFO, "available", null);

        deliver(new ItemReturned(item, holly.id(), holly.id(), Origin.WEB), new ItemReturned(item, holly.id(), petra.id(), Origin.WEB));

        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void item_in_another_state_sends_nothing() {
        long returned = TestItems.insert(node, "Returned laptop", SERIAL, INFO, "available", null);
        long heldByQuinn = TestItems.insert(node, "Quinn's laptop", "SN-2", INFO, "checked_out", quinn.id());
        long checkedOut = TestItems.insert(node, "Checked out laptop", "SN-3", INFO, "checked_out", holly.id());
        long requestedAgain = TestItems.insert(node, "Requested laptop", "SN-4", INFO, "waiting", holly.id());
        long deleted = TestItems.insert(node, "Deleted laptop", "SN-5", INFO, "checked_out", holly.id());
        TestItems.delete(node, deleted);

        deliver(new ItemCheckedOut(returned, holly.id(), holly.id(), Origin.WEB),
                new ItemApproved(heldByQuinn, holly.id(), petra.id(), Origin.WEB),
                new ItemAssigned(requestedAgain, holly.id(), petra.id(), Origin.WEB),
                new ItemRequested(checkedOut, holly.id(), holly.id(), Origin.WEB),
                new ItemDenied(requestedAgain, holly.id(), petra.id(), Origin.WEB),
                new ItemDenied(checkedOut, holly.id(), petra.id(), Origin.WEB),
                new ItemCheckedOut(deleted, holly.id(), holly.id(), Origin.WEB));

        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void own_approval_denial_and_assignment_send_nothing() {
        long held = TestItems.insert(node, "Laptop 7", SERIAL, INFO, "checked_out", petra.id());
        long free = TestItems.insert(node, "Laptop 8", "SN-8", INFO, "available", null);

        deliver(new ItemApproved(held, petra.id(), petra.id(), Origin.WEB),
                new ItemAssigned(held, petra.id(), petra.id(), Origin.WEB),
                new ItemDenied(free, petra.id(), petra.id(), Origin.WEB));

        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void disabled_level_zero_and_builtin_get_nothing() {
        User dora = person("dora", Level.AUTHORIZED);
        MailFixture.disable(node, dora);
        User zed = person("zed", Level.UNAUTHORIZED);
        User api = node.wiring.users.findByName("api").orElseThrow();
        long doraItem = TestItems.insert(node, "Laptop 1", "SN-1", INFO, "checked_out", dora.id());
        long zedItem = TestItems.insert(node, "Laptop 2", "SN-2", INFO, "checked_out", zed.id());
        long apiItem = TestItems.insert(node, "Laptop 3", "SN-3", INFO, "checked_out", api.id());

        deliver(new ItemAssigned(doraItem, dora.id(), petra.id(), Origin.WEB),
                new ItemAssigned(zedItem, zed.id(), petra.id(), Origin.WEB),
                new ItemAssigned(apiItem, api.id(), petra.id(), Origin.API));

        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void plugin_message_has_info_only_for_holder() throws IOException {
        Path output = Files.createDirectories(folder.resolve("output"));
        node.set("ext_plugin", "printf '%s\\n' %message% >> '" + output + "'/%user%");
        User lena = node.user("lena", Level.PROJECTS_MANAGEMENT);
        long item = TestItems.insert(node, "Laptop 7", SERIAL, INFO, "waiting", holly.id());

        deliver(new ItemRequested(item, holly.id(), holly.id(), Origin.WEB));
        TestItems.setState(node, item, "checked_out", holly.id());
        deliver(new ItemApproved(item, holly.id(), petra.id(), Origin.WEB));

        assertThat(Files.readString(output.resolve("holly"))).startsWith("Your request for the item Laptop 7")
                .contains("petra approved your request").contains(INFO);
        for (String approver : List.of("petra", "quinn", lena.name())) {
            String messages = Files.readString(output.resolve(approver));
            assertThat(messages).as(approver).startsWith("holly requested the item Laptop 7").doesNotContain(INFO);
        }
        try (Stream<Path> files = Files.list(output)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("holly", "petra", "quinn", "lena", "admin");
        }
        assertThat(Files.readString(output.resolve("admin"))).doesNotContain(INFO);
    }

    /** Publishes the events and waits until their notifications are delivered and mailed. */
    private void deliver(DomainEvent... events) {
        Arrays.stream(events).forEach(node.wiring.events::publish);
        node.wiring.events.awaitDelivered(TestMail.WAIT);
        node.wiring.plugins.awaitIdle(TestMail.WAIT);
        node.wiring.mail.awaitIdle(TestMail.WAIT);
    }

    private User person(String name, int level) {
        User user = node.user(name, level);
        MailFixture.confirmAddress(node, user);
        return MailFixture.reload(node, user);
    }

    private List<String> mailedAddresses() {
        return ReceivedMail.addresses(smtp.getReceivedMessages());
    }

    private MimeMessage onlyMailTo(String address) {
        return ReceivedMail.to(smtp.getReceivedMessages(), address);
    }
}
