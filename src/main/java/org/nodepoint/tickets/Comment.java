package org.nodepoint.tickets;

public record Comment(long id, long ticketId, long userId, String authorName, String body, long createdAt, Long updatedAt) {
}
