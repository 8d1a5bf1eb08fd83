package org.nodepoint.tickets;

/** The columns of a ticket that a list of a whole product needs, without the description. */
public record TicketListing(long id, long productId, String release, String title) {
}
