package org.nodepoint.tickets;

import java.util.List;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.projects.Release;
import org.nodepoint.web.Chrome;

/**
 * A ticket with its comments and history, the update form for level 3 and up and the comment
 * form for level 1 and up. {@code edit} contains the values to show in the update form. Editors
 * below past_lvl see the description read-only ({@code canEditDescription} false).
 */
public record TicketPage(
        Chrome chrome,
        TicketDetails details,
        boolean canUpdate,
        boolean canComment,
        List<Release> releases,
        TicketUpdate edit,
        FieldErrors editErrors,
        String commentText,
        FieldErrors commentErrors,
        boolean canEditDescription,
        TicketTime time,
        TicketFormTokens tokens) {

    public List<TicketStatus> statuses() {
        return List.of(TicketStatus.values());
    }

    public List<Priority> priorities() {
        return List.of(Priority.values());
    }

    /** Returns the description for the update form: as typed when the form is shown again, else as stored. */
    public String editedDescription() {
        return edit.description() == null ? details.ticket().description() : edit.description();
    }
}
