package org.nodepoint.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.events.Origin;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;
import org.nodepoint.web.Text;

/**
 * The dispatcher hands every notification to every channel: a channel other than mail, such as the
 * notification plugin, also hears about users without a confirmed address, and while mail is off.
 */
class NotificationChannelsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    private TestNodePoint node;
    private Product printers;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder, Map.of(Settings.TICKET_VISIBILITY, "Public"));
        printers = node.product("Printers", "Public");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void other_channels_receive_users_without_mail() {
        List<Notification> received = new CopyOnWriteArrayList<>();
        subscribe(List.of(received::add));
        User cora = node.user("cora", Level.RESTRICTED_VIEW);
        User asha = node.user("asha", Level.TICKETS_MANAGEMENT);
        MailFixture.setAddress(node, asha, "asha@example.org", false);
        User uma = node.user("uma", Level.TICKETS_MANAGEMENT);
        long id = node.ticket(node.viewer(cora), printers, "Paper jam", "Tray 2 jams");
        MailFixture.assign(node, id, asha);
        node.wiring.events.awaitDelivered(WAIT);
        received.clear();

        node.wiring.tickets.comment(node.viewer(uma), id, "Cleaned the roller", Origin.WEB);
        node.wiring.events.awaitDelivered(WAIT);

        assertThat(received).extracting(Notification::recipientName).containsExactlyInAnyOrder("cora", "asha");
        assertThat(received).extracting(Notification::recipientId).containsExactlyInAnyOrder(cora.id(), asha.id());
        assertThat(received).extracting(Notification::title).containsOnly("New comment on ticket " + id + ": Paper jam");
        assertThat(received).extracting(Notification::message).containsOnly("uma commented on ticket " + id + ": Paper jam\n\n"
                + "Cleaned the roller");
    }

    @Test
    void failing_channel_does_not_stop_the_others() {
        List<Notification> received = new CopyOnWriteArrayList<>();
        NotificationChannel failing = notification -> {
            throw new IllegalStateException("channel down");
        };
        subscribe(List.of(failing, received::add));
        User cora = node.user("cora", Level.RESTRICTED_VIEW);
        User uma = node.user("uma", Level.TICKETS_MANAGEMENT);
        long id = node.ticket(node.viewer(cora), printers, "Paper jam", "Tray 2 jams");
        node.wiring.events.awaitDelivered(WAIT);
        received.clear();

        node.wiring.tickets.comment(node.viewer(uma), id, "Cleaned the roller", Origin.WEB);
        node.wiring.events.awaitDelivered(WAIT);

        assertThat(received).extracting(Notification::recipientName).containsExactly("cora");
    }

    /** Subscribes a second listener that passes its notifications to the given channels only. */
    private void subscribe(List<NotificationChannel> channels) {
        node.wiring.events.subscribe(new TicketNotifications(node.wiring.database, node.wiring.tickets, node.wiring.settings,
                new Text(Locale.ENGLISH), new NotificationDispatcher(channels)));
    }
}
