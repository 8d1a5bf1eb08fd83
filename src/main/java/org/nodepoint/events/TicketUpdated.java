package org.nodepoint.events;

/** A ticket was edited; {@code changeId} names the stored change with its fields, note and time. */
public record TicketUpdated(long ticketId, long changeId, long actorId, Origin origin) implements DomainEvent {
}
