package org.nodepoint.forms;

import java.util.List;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.projects.Product;
import org.nodepoint.web.Chrome;

/**
 * A form's page: its questions, the projects that use it, the project picker to assign it, and
 * the delete button. {@code productId} is the picker's value to show again after an error.
 */
public record FormPage(Chrome chrome, TicketForm form, FormService.FormProjects projects, List<Product> assignable, String productId,
        FieldErrors errors) {

    public boolean canDelete() {
        return !form.isDefault() && projects.visible().isEmpty() && projects.hiddenCount() == 0;
    }
}
