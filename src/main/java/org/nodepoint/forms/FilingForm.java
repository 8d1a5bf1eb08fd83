package org.nodepoint.forms;

import java.util.List;
import org.nodepoint.clients.Client;

/**
 * A custom form on the new-ticket page: the form, the values to show in it, the submitter's
 * address for the address field, the names that the user and assignee fields suggest, and the
 * clients that a client field offers.
 */
public record FilingForm(TicketForm form, AnswerSet answers, String submitterAddress, List<String> userNames,
        List<String> assigneeNames, List<Client> clients) {

    public String fieldName(FormField field) {
        return AnswerSet.fieldName(field.position());
    }

    public String value(FormField field) {
        return answers.value(field.position());
    }
}
