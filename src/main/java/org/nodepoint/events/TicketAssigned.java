package org.nodepoint.events;

/**
 * A user became an assignee of a ticket, on the ticket page or through the API's assign_ticket.
 * Not published for the auto-assignees of a new ticket: they are assignees from the start, and
 * {@link TicketCreated} reaches them.
 */
public record TicketAssigned(long ticketId, long userId, long actorId, Origin origin) implements DomainEvent {
}
