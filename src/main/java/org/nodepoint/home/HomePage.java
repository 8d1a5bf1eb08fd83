package org.nodepoint.home;

import java.util.List;
import org.nodepoint.tickets.TicketSummary;
import org.nodepoint.web.Chrome;

/** The home page: the viewer's own tickets and those assigned to them. */
public record HomePage(Chrome chrome, List<TicketSummary> created, List<TicketSummary> assigned) {
}
