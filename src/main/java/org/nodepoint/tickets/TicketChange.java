package org.nodepoint.tickets;

import java.util.List;

/** One edit of a ticket: who made it, when, an optional note, and each field's old and new value. */
public record TicketChange(long id, long userId, String userName, long createdAt, String note, List<FieldChange> fields) {
    public record FieldChange(String field, String oldValue, String newValue) {
    }
}
