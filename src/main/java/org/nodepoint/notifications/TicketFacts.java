package org.nodepoint.notifications;

import org.nodepoint.tickets.Priority;

/** The ticket details that a notification contains, read when it is built. {@code actorName} is the user who acted. */
record TicketFacts(long id, String title, String description, int priority, String release, String productName,
        String actorName) {

    String priorityLabel() {
        return Priority.ofCode(priority).label();
    }
}
