package org.nodepoint.tickets;

import java.util.List;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.projects.Product;
import org.nodepoint.projects.Release;
import org.nodepoint.web.Chrome;

/** Step one picks a product (product is null); step two is the ticket form for that product. */
public record NewTicketPage(
        Chrome chrome,
        List<Product> products,
        Product product,
        List<Release> releases,
        NewTicket form,
        FieldErrors errors) {

    public List<Priority> priorities() {
        return List.of(Priority.values());
    }
}
