package org.nodepoint.tickets;

import java.util.List;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.forms.FilingForm;
import org.nodepoint.projects.Product;
import org.nodepoint.projects.Release;
import org.nodepoint.web.Chrome;

/**
 * Step one picks a product (product is null). Step two is the ticket form for that product, which
 * is its custom form when {@code customForm} is not null, with its single-use submission token.
 */
public record NewTicketPage(
        Chrome chrome,
        List<Product> products,
        Product product,
        List<Release> releases,
        NewTicket form,
        FilingForm customForm,
        FieldErrors errors,
        String submissionToken) {

    public List<Priority> priorities() {
        return List.of(Priority.values());
    }

    /** Returns the form's enctype: multipart/form-data for a custom form with a file question, else null for the default. */
    public String encoding() {
        return customForm != null && customForm.hasFileField() ? "multipart/form-data" : null;
    }
}
