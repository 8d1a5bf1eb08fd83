package org.nodepoint.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.notifications.MailFixture.addressOf;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.events.Origin;
import org.nodepoint.events.TaskAssigned;
import org.nodepoint.projects.Product;
import org.nodepoint.submissions.Submission;
import org.nodepoint.tasks.TaskForm;
import org.nodepoint.testing.ReceivedMail;
import org.nodepoint.testing.TestMail;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;

/** Task mails: the assignee of a new task gets one, from the web pages and from the API, while they can see the project. */
class TaskMailTest {
    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path folder;

    private TestNodePoint node;
    private User holly;
    private User petra;
    private Product product;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder.resolve("data"), TestMail.settingsWithLinks(smtp));
        holly = person("holly", Level.AUTHORIZED);
        petra = person("petra", Level.PROJECTS_MANAGEMENT);
        product = node.product("Office move", "Public");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private User person(String name, int level) {
        User user = node.user(name, level);
        MailFixture.confirmAddress(node, user);
        return MailFixture.reload(node, user);
    }

    private long addTask(User actor, User assignee) {
        return node.wiring.tasks.add(node.viewer(actor), product.id(), new TaskForm("Pack the printers", String.valueOf(assignee.id()),
                "2030-06-30"), Submission.NONE);
    }

    private void awaitMail() {
        node.wiring.events.awaitDelivered(TestMail.WAIT);
        node.wiring.plugins.awaitIdle(TestMail.WAIT);
        node.wiring.mail.awaitIdle(TestMail.WAIT);
    }

    @Test
    void assignee_gets_mail() {
        addTask(petra, holly);
        awaitMail();

        MimeMessage mail = ReceivedMail.to(smtp.getReceivedMessages(), addressOf("holly"));
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(ReceivedMail.subject(mail)).isEqualTo("Test Desk - Task assigned to you: Pack the printers");
        assertThat(ReceivedMail.text(mail)).startsWith("petra assigned you a task in the project Office move, due on 2030-06-30:\n\n"
                + "Pack the printers\n\nSet its completion on your home page.\n\n"
                + "Open the project: " + TestMail.PUBLIC_URL + "/projects/" + product.id() + "#tasks");
    }

    @Test
    void api_task_mails_assignee() {
        String body = "api=add_task&key=" + TestNodePoint.WRITE_KEY + "&product_id=" + product.id()
                + "&description=Label+the+racks&due=06%2F30%2F2030&user=holly";
        node.http((server, client) -> {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(client.getOrigin() + "/nodepoint/"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).contains("\"Task added.\"");
        });
        awaitMail();

        MimeMessage mail = ReceivedMail.to(smtp.getReceivedMessages(), addressOf("holly"));
        assertThat(ReceivedMail.text(mail)).startsWith("api assigned you a task in the project Office move, due on 2030-06-30:");
    }

    @Test
    void own_task_sends_no_mail() {
        addTask(petra, petra);
        awaitMail();

        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void assignee_who_lost_access_gets_nothing() throws Exception {
        Product restricted = node.product("Server room", "Restricted");
        User rory = person("rory", Level.RESTRICTED_VIEW);
        long roryTask = node.wiring.tasks.add(node.viewer(petra), restricted.id(), new TaskForm("Label the racks",
                String.valueOf(rory.id()), "2030-06-30"), Submission.NONE);
        long hollyTask = addTask(petra, holly);
        awaitMail();
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        smtp.purgeEmailFromAllMailboxes();
        MailFixture.setLevel(node, rory, Level.AUTHORIZED);
        MailFixture.disable(node, holly);

        node.wiring.events.publish(new TaskAssigned(roryTask, rory.id(), petra.id(), Origin.WEB));
        node.wiring.events.publish(new TaskAssigned(hollyTask, holly.id(), petra.id(), Origin.WEB));
        awaitMail();

        assertThat(smtp.getReceivedMessages()).isEmpty();
    }
}
