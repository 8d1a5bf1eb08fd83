package org.nodepoint.tickets;

import java.util.List;
import org.nodepoint.articles.TicketArticles;
import org.nodepoint.billing.TicketBilling;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.forms.TicketAnswer;
import org.nodepoint.projects.Release;
import org.nodepoint.uploads.CommentAttachments;
import org.nodepoint.web.Chrome;

/**
 * A ticket with its comments and history, the update form for level 3 and up and the comment
 * form for level 1 and up. {@code edit} contains the values to show in the update form,
 * {@code answers} the answers of the custom form that the ticket was filed with, {@code people}
 * the followers, assignees and attention forms, and {@code attachments} the files of the ticket and
 * its comments. Editors below past_lvl see the description read-only ({@code canEditDescription} false).
 * {@code billing} is the panel that makes the ticket billable to a client, and {@code articles}
 * the panel of linked support articles.
 */
public record TicketPage(
        Chrome chrome,
        TicketDetails details,
        List<TicketAnswer> answers,
        boolean canUpdate,
        boolean canComment,
        List<Release> releases,
        TicketUpdate edit,
        FieldErrors editErrors,
        String commentText,
        FieldErrors commentErrors,
        TicketPeople people,
        CommentAttachments attachments,
        boolean canEditDescription,
        TicketTime time,
        TicketFormTokens tokens,
        TicketBilling billing,
        TicketArticles articles) {

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
