package org.nodepoint.notifications;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes every notification to every channel. Channels choose whom they serve: mail needs a
 * confirmed address, the notification plugin takes everyone. A channel that throws is logged and
 * the others still run.
 */
public final class NotificationDispatcher {
    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

    private final List<NotificationChannel> channels;

    public NotificationDispatcher(List<NotificationChannel> channels) {
        this.channels = List.copyOf(channels);
    }

    public void dispatch(List<Notification> notifications) {
        for (NotificationChannel channel : channels) {
            try {
                channel.deliverAll(notifications);
            } catch (RuntimeException failure) {
                log.error("Notification channel {} failed on {} notifications", channel.getClass().getSimpleName(), notifications.size(),
                        failure);
            }
        }
    }
}
