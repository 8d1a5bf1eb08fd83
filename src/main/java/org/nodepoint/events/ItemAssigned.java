package org.nodepoint.events;

/** A level-4 user, or the API, handed an item to a user (userId), who now holds it. */
public record ItemAssigned(long itemId, long userId, long actorId, Origin origin) implements DomainEvent {
}
