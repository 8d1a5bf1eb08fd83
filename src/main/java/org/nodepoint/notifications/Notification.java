package org.nodepoint.notifications;

/**
 * A message for one user about something they take part in, such as a ticket they filed. Each
 * {@link NotificationChannel} delivers it its own way: mail, the notification plugin.
 */
public record Notification(long recipientId, String recipientName, String title, String message) {
}
