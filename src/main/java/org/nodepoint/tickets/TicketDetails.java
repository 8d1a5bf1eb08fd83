package org.nodepoint.tickets;

import java.util.List;
import org.nodepoint.projects.Product;

/** Everything the ticket page shows, loaded with a fixed number of queries. */
public record TicketDetails(
        Ticket ticket,
        Product product,
        String createdByName,
        List<String> assignees,
        List<String> followers,
        List<Comment> comments,
        List<TicketChange> changes) {
}
