package org.nodepoint.tickets;

import org.nodepoint.web.Chrome;
import org.nodepoint.web.Paging;

/** One page of the open tickets that the viewer follows. */
public record FollowingPage(Chrome chrome, TicketList tickets, Paging paging) {
}
