package org.nodepoint.tickets;

/** A stored ticket. {@code updatedAt} is null until the first edit. */
public record Ticket(
        long id,
        long productId,
        String release,
        long createdBy,
        String title,
        String description,
        int priority,
        String status,
        String resolution,
        long createdAt,
        Long updatedAt,
        long version) {

    public Priority priorityLevel() {
        return Priority.ofCode(priority);
    }

    public boolean isClosed() {
        return TicketStatus.CLOSED.label().equals(status);
    }
}
