package org.nodepoint.events;

/** A checkout request was approved, and the requester (userId) now holds the item. */
public record ItemApproved(long itemId, long userId, long actorId, Origin origin) implements DomainEvent {
}
