package org.nodepoint.tickets;

/** One row of a ticket list. */
public record TicketSummary(
        long id,
        String title,
        long productId,
        String productName,
        String status,
        int priority,
        String createdByName,
        long createdAt,
        Long updatedAt) {

    public Priority priorityLevel() {
        return Priority.ofCode(priority);
    }
}
