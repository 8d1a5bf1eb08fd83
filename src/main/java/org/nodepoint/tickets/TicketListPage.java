package org.nodepoint.tickets;

import java.util.List;
import org.nodepoint.projects.Product;
import org.nodepoint.web.Chrome;
import org.nodepoint.web.Paging;

/** The ticket list with its filter values; an empty filter value means "all". */
public record TicketListPage(
        Chrome chrome,
        List<TicketSummary> rows,
        Paging paging,
        List<Product> products,
        String productId,
        String status,
        String priority,
        String sort) {

    public List<TicketStatus> statuses() {
        return List.of(TicketStatus.values());
    }

    public List<Priority> priorities() {
        return List.of(Priority.values());
    }

    public List<TicketFilter.Sort> sorts() {
        return List.of(TicketFilter.Sort.values());
    }
}
