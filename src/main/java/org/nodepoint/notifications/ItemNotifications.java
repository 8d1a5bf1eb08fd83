package org.nodepoint.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.config.Settings;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.db.Database;
import org.nodepoint.events.DomainEvent;
import org.nodepoint.events.EventListener;
import org.nodepoint.events.ItemApproved;
import org.nodepoint.events.ItemAssigned;
import org.nodepoint.events.ItemCheckedOut;
import org.nodepoint.events.ItemDenied;
import org.nodepoint.events.ItemRequested;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;
import org.nodepoint.web.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns item events into one {@link Notification} per recipient, as NodePoint 1.x mailed them. A
 * checkout, an approval and an assignment go to the user who now holds the item, with its
 * hand-over information. A request goes to the requester as a confirmation and, without the
 * information, to every user of level 4 or higher who may approve it. A denial goes to the
 * requester. A return notifies nobody.
 *
 * <p>The user who acted gets no notification about it, except for their own checkout and their
 * own request, whose notifications are the receipt (and the checkout's carries the information).
 * Built-in accounts, disabled accounts and level 0 users get nothing. The item is read when the
 * notification is built, and nothing is sent once it is gone or no longer in the state that the
 * event reports, such as an item returned before its checkout was delivered.
 */
public final class ItemNotifications implements EventListener {
    private static final Logger log = LoggerFactory.getLogger(ItemNotifications.class);

    private final Jdbi read;
    private final SettingsStore settings;
    private final Text text;
    private final NotificationDispatcher dispatcher;

    /** {@code text} gives the wording; the bus thread has no request, so it is one fixed language. */
    public ItemNotifications(Database database, SettingsStore settings, Text text, NotificationDispatcher dispatcher) {
        this.read = database.read();
        this.settings = settings;
        this.text = text;
        this.dispatcher = dispatcher;
    }

    @Override
    public void on(DomainEvent event) {
        List<Notification> notifications;
        if (event instanceof ItemCheckedOut checkedOut) {
            notifications = toHolder(checkedOut.itemId(), checkedOut.userId(), checkedOut.actorId(), true, ItemMessages::checkedOut);
        } else if (event instanceof ItemApproved approved) {
            notifications = toHolder(approved.itemId(), approved.userId(), approved.actorId(), false, ItemMessages::approved);
        } else if (event instanceof ItemAssigned assigned) {
            notifications = toHolder(assigned.itemId(), assigned.userId(), assigned.actorId(), false, ItemMessages::assigned);
        } else if (event instanceof ItemRequested requested) {
            notifications = forRequest(requested);
        } else if (event instanceof ItemDenied denied) {
            notifications = forDenial(denied);
        } else {
            return;
        }
        if (!notifications.isEmpty()) {
            log.debug("{} notifications for {}", notifications.size(), event);
            dispatcher.dispatch(notifications);
        }
    }

    /** Notifies the user while they still hold the item; {@code actorMayReceive} lets a user's own action notify them. */
    private List<Notification> toHolder(long itemId, long userId, long actorId, boolean actorMayReceive,
            MessageWriter write) {
        if (userId == actorId && !actorMayReceive) {
            return List.of();
        }
        return read.withExtension(ItemNotificationDao.class, dao -> {
            Optional<ItemFacts> item = dao.findItem(itemId, actorId).filter(found -> found.isHeldBy(userId));
            Optional<User> holder = item.isEmpty() ? Optional.empty() : dao.findRecipient(userId, Level.AUTHORIZED);
            if (holder.isEmpty()) {
                return List.of();
            }
            ItemMessages.Message message = write.apply(messages(), item.get());
            return List.of(notification(holder.get(), message));
        });
    }

    /** Confirms the request to the requester and notifies the users who may approve it, while the request still waits. */
    private List<Notification> forRequest(ItemRequested event) {
        return read.withExtension(ItemNotificationDao.class, dao -> {
            Optional<ItemFacts> item = dao.findItem(event.itemId(), event.actorId()).filter(found -> found.isWaitingFor(event.userId()));
            if (item.isEmpty()) {
                return List.of();
            }
            Optional<User> requester = dao.findRecipient(event.userId(), Level.AUTHORIZED);
            List<User> approvers = dao.listApprovers(event.actorId(), event.userId(), Level.PROJECTS_MANAGEMENT);
            ItemMessages messages = messages();
            List<Notification> notifications = new ArrayList<>();
            requester.ifPresent(user -> notifications.add(notification(user, messages.requestReceived(item.get()))));
            if (!approvers.isEmpty()) {
                ItemMessages.Message message = messages.approvalNeeded(item.get());
                approvers.forEach(user -> notifications.add(notification(user, message)));
            }
            return notifications;
        });
    }

    /** Tells the requester, unless they denied their own request or have since requested or received the item again. */
    private List<Notification> forDenial(ItemDenied event) {
        if (event.userId() == event.actorId()) {
            return List.of();
        }
        return read.withExtension(ItemNotificationDao.class, dao -> {
            Optional<ItemFacts> item = dao.findItem(event.itemId(), event.actorId())
                    .filter(found -> !found.isWaitingFor(event.userId()) && !found.isHeldBy(event.userId()));
            Optional<User> requester = item.isEmpty() ? Optional.empty() : dao.findRecipient(event.userId(), Level.AUTHORIZED);
            if (requester.isEmpty()) {
                return List.of();
            }
            return List.of(notification(requester.get(), messages().denied(item.get())));
        });
    }

    private ItemMessages messages() {
        Settings current = settings.current();
        return new ItemMessages(text.withTerms(current.terminology()), current.publicUrl());
    }

    private static Notification notification(User recipient, ItemMessages.Message message) {
        return new Notification(recipient.id(), recipient.name(), message.title(), message.body());
    }

    /** Writes the message to the holder of an item. */
    @FunctionalInterface
    private interface MessageWriter {
        ItemMessages.Message apply(ItemMessages messages, ItemFacts item);
    }
}
