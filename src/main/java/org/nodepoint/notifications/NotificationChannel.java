package org.nodepoint.notifications;

/** One way of passing a {@link Notification} on; called on the event thread, so slow work belongs on its own thread. */
public interface NotificationChannel {
    void deliver(Notification notification);
}
