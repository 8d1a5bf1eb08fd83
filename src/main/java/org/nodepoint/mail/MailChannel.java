package org.nodepoint.mail;

import java.util.List;
import java.util.Map;
import org.nodepoint.notifications.Notification;
import org.nodepoint.notifications.NotificationChannel;
import org.nodepoint.users.User;
import org.nodepoint.users.UserService;

/**
 * Mails notifications through the outbox, but only to users with a confirmed address: an
 * unconfirmed address may belong to someone else. Recipients are read in one query per batch.
 */
public final class MailChannel implements NotificationChannel {
    private final MailOutbox outbox;
    private final UserService users;

    public MailChannel(MailOutbox outbox, UserService users) {
        this.outbox = outbox;
        this.users = users;
    }

    @Override
    public void deliver(Notification notification) {
        deliverAll(List.of(notification));
    }

    @Override
    public void deliverAll(List<Notification> notifications) {
        if (!outbox.isEnabled() || notifications.isEmpty()) {
            return;
        }
        Map<Long, User> recipients = users.findByIds(notifications.stream().map(Notification::recipientId).toList());
        for (Notification notification : notifications) {
            User recipient = recipients.get(notification.recipientId());
            if (recipient != null && hasConfirmedAddress(recipient)) {
                outbox.send(new OutgoingMail(notification.recipientName(), recipient.email(), notification.title(), notification.message()));
            }
        }
    }

    private static boolean hasConfirmedAddress(User user) {
        return !user.email().isBlank() && user.emailConfirmed();
    }
}
