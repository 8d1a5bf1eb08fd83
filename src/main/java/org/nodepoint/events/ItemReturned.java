package org.nodepoint.events;

/** An item came back and is available again; userId is the user who held it. */
public record ItemReturned(long itemId, long userId, long actorId, Origin origin) implements DomainEvent {
}
