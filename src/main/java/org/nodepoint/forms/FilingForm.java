package org.nodepoint.forms;

import java.util.List;
import org.nodepoint.inventory.ItemSummary;

/**
 * A custom form on the new-ticket page: the form, the values to show in it, the submitter's
 * address for the address field, the names that the user and assignee fields suggest, and the
 * submitter's checked-out items that the own items field offers.
 */
public record FilingForm(TicketForm form, AnswerSet answers, String submitterAddress, List<String> userNames,
        List<String> assigneeNames, List<ItemSummary> ownItems) {

    public String fieldName(FormField field) {
        return AnswerSet.fieldName(field.position());
    }

    public String value(FormField field) {
        return answers.value(field.position());
    }
}
