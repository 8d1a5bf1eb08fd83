package org.nodepoint.tickets;

/** Time that a user spent on a ticket, recorded with an update. Entries are never edited or deleted. */
public record TimeEntry(long id, String userName, Hours hours, long createdAt) {
}
