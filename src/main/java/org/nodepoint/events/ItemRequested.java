package org.nodepoint.events;

/** A user asked to check out an item that needs approval; userId is the requester. */
public record ItemRequested(long itemId, long userId, long actorId, Origin origin) implements DomainEvent {
}
