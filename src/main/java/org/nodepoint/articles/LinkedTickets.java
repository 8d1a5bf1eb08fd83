package org.nodepoint.articles;

import java.util.List;
import org.nodepoint.tickets.TicketSummary;

/** The first tickets linked to an article that are not closed and that the viewer may read, and how many there are. */
public record LinkedTickets(List<TicketSummary> rows, long total) {
    public boolean hasMore() {
        return total > rows.size();
    }
}
