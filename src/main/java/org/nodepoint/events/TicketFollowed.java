package org.nodepoint.events;

/** The actor started following a ticket. */
public record TicketFollowed(long ticketId, long actorId, Origin origin) implements DomainEvent {
}
