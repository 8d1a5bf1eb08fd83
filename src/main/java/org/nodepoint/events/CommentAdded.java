package org.nodepoint.events;

/** A comment was added to a ticket. */
public record CommentAdded(long ticketId, long commentId, long actorId, Origin origin) implements DomainEvent {
}
