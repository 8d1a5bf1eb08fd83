package org.nodepoint.tickets;

/**
 * Requested changes to a ticket; a null field stays as it is. {@code note} is the work summary
 * and {@code hours} the time spent as typed (see {@link Hours#parseEntry}), which may be negative
 * to correct an earlier entry. Null or blank hours record no time.
 */
public record TicketUpdate(
        String title,
        String description,
        String status,
        String resolution,
        String priority,
        String release,
        String note,
        String hours) {
}
