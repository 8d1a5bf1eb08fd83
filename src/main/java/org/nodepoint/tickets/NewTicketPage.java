package org.nodepoint.tickets;

import java.util.List;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.forms.FilingForm;
import org.nodepoint.projects.Product;
import org.nodepoint.projects.Release;
import org.nodepoint.web.Chrome;

/**
 * Step one picks a product (product is null); step two is the ticket form for that product, which
 * is its custom form when {@code customForm} is not null.
 */
public record NewTicketPage(
        Chrome chrome,
        List<Product> products,
        Product product,
        List<Release> releases,
        NewTicket form,
        FilingForm customForm,
        FieldErrors errors) {

    public List<Priority> priorities() {
        return List.of(Priority.values());
    }
}
