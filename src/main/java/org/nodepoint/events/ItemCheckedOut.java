package org.nodepoint.events;

/** A user (userId) checked out an item that needs no approval, and now holds it. */
public record ItemCheckedOut(long itemId, long userId, long actorId, Origin origin) implements DomainEvent {
}
