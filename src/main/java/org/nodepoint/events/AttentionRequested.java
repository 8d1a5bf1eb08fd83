package org.nodepoint.events;

/** An editor flagged a ticket as needing the attention of the user {@code userId}. */
public record AttentionRequested(long ticketId, long userId, long actorId, Origin origin) implements DomainEvent {
}
