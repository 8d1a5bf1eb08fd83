package org.nodepoint.tickets;

/** A ticket that needs the attention of the user who views the list, and who asked for it when. */
public record AttentionFlag(long ticketId, String title, String flaggedByName, long createdAt) {
}
