package org.nodepoint.events;

/** A ticket was filed. */
public record TicketCreated(long ticketId, long actorId, Origin origin) implements DomainEvent {
}
