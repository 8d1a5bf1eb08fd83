package org.nodepoint.forms;

import java.util.List;
import org.nodepoint.articles.ArticleSummary;
import org.nodepoint.clients.Client;
import org.nodepoint.inventory.ItemSummary;
import org.nodepoint.tasks.Task;
import org.nodepoint.uploads.UploadLimits;

/**
 * A custom form on the new-ticket page: the form, the values to show in it, the submitter's
 * address for the address field, the names that the user and assignee fields suggest, what the
 * viewer may upload in file fields, the viewer's checked-out items that the own items field
 * offers, the clients that a client field offers, the viewer's open tasks of the project that
 * the own tasks field offers, and the published articles that an article field offers.
 */
public record FilingForm(TicketForm form, AnswerSet answers, String submitterAddress, List<String> userNames,
        List<String> assigneeNames, UploadLimits uploads, List<ItemSummary> ownItems, List<Client> clients, List<Task> ownTasks,
        List<ArticleSummary> articles) {

    /** Returns the label that the own tasks field shows and stores for a task. */
    public static String taskLabel(Task task) {
        return AnswerRules.taskLabel(task);
    }

    public String fieldName(FormField field) {
        return AnswerSet.fieldName(field.position());
    }

    public String value(FormField field) {
        return answers.value(field.position());
    }

    /** True when the form has a file question, so that the page must post multipart/form-data. */
    public boolean hasFileField() {
        return form.fields().stream().anyMatch(field -> field.type() == FieldType.FILE);
    }

    /** True when the page marks the question as required: file questions are not required of users who may not upload. */
    public boolean showsRequired(FormField field) {
        return switch (field.type()) {
            case SUBMITTER_ADDRESS -> false;
            case FILE -> field.required() && uploads.canUpload();
            default -> field.required();
        };
    }
}
