package org.nodepoint.tickets;

/**
 * Requested changes to a ticket; a null field stays as it is. {@code note} is the work summary
 * and {@code minutes} the time spent, which may be negative to correct an earlier entry.
 */
public record TicketUpdate(
        String title,
        String description,
        String status,
        String resolution,
        String priority,
        String release,
        String note,
        Integer minutes) {
}
