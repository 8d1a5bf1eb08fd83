package org.nodepoint.projects;

import java.util.List;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.forms.TicketForm;
import org.nodepoint.tasks.TaskPanel;
import org.nodepoint.web.Chrome;

/**
 * A product with its releases, the add-release form for level 3 and up, and its auto-assignment
 * list. Managers of custom forms ({@code showsTicketForm}) also see the form its new tickets use,
 * or null for the plain form. Signed-in viewers see the project's tasks when the tasks component is on.
 */
public record ProductPage(
        Chrome chrome,
        Product product,
        List<Release> releases,
        long ticketCount,
        boolean showsTicketForm,
        TicketForm ticketForm,
        boolean canAddRelease,
        boolean canEdit,
        String version,
        String notes,
        FieldErrors errors,
        AutoAssignPanel autoAssign,
        boolean hasImage,
        TaskPanel tasks) {
}
