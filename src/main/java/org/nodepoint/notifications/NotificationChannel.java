package org.nodepoint.notifications;

import java.util.List;

/** One way of passing a {@link Notification} on; called on the event thread, so slow work belongs on its own thread. */
public interface NotificationChannel {
    void deliver(Notification notification);

    /**
     * Delivers the notifications of one event. A channel that looks its recipients up overrides
     * this to read them all in one query.
     */
    default void deliverAll(List<Notification> notifications) {
        notifications.forEach(this::deliver);
    }
}
