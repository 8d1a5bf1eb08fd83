package org.nodepoint.tickets;

import java.util.List;

/**
 * The tickets of one product with the stamp they were read at (see {@link TicketService#listingStamp}),
 * and whether closed tickets were left out.
 */
public record ProductListing(long stamp, boolean closedHidden, List<TicketListing> tickets) {
}
