package org.nodepoint.events;

/** A checkout request was denied; userId is the requester, who does not get the item. */
public record ItemDenied(long itemId, long userId, long actorId, Origin origin) implements DomainEvent {
}
