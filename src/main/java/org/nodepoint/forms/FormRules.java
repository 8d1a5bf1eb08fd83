package org.nodepoint.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.text.UserText;

/**
 * Checks a form from the editor and returns it cleaned: one-line texts, unused rows dropped, the
 * other rows numbered from 1. Errors name the editor's field, such as {@code question3} for the
 * question of the third row.
 */
final class FormRules {
    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_QUESTION_LENGTH = 200;

    /** A valid form: the cleaned texts and the fields, numbered from 1. */
    record CleanForm(String name, String titleQuestion, String descriptionQuestion, boolean isDefault, List<FormField> fields) {
    }

    private FormRules() {
    }

    static CleanForm check(FormDraft draft) {
        FieldErrors errors = new FieldErrors();
        String name = UserText.singleLine(draft.name());
        String titleQuestion = UserText.singleLine(draft.titleQuestion());
        String descriptionQuestion = UserText.singleLine(draft.descriptionQuestion());
        checkLength(name, MAX_NAME_LENGTH, "name", "forms.name.length", errors);
        checkLength(titleQuestion, MAX_QUESTION_LENGTH, "titleQuestion", "forms.titleQuestion.length", errors);
        checkLength(descriptionQuestion, MAX_QUESTION_LENGTH, "descriptionQuestion", "forms.descriptionQuestion.length", errors);

        List<FormField> fields = new ArrayList<>();
        boolean hasPriority = false;
        int rows = Math.min(draft.rows().size(), TicketForm.MAX_QUESTIONS);
        for (int row = 1; row <= rows; row++) {
            FormDraft.Row submitted = draft.rows().get(row - 1);
            String question = UserText.singleLine(submitted.question());
            if (question.isEmpty()) {
                continue;
            }
            if (question.length() > MAX_QUESTION_LENGTH) {
                errors.add("question" + row, "forms.question.length", row, MAX_QUESTION_LENGTH);
            }
            Optional<FieldType> type = FieldType.parse(submitted.type()).filter(FieldType::isAvailable);
            if (type.isEmpty()) {
                errors.add("type" + row, "forms.type.invalid", row);
                continue;
            }
            if (type.get() == FieldType.PRIORITY) {
                if (hasPriority) {
                    errors.add("type" + row, "forms.type.secondPriority", row);
                }
                hasPriority = true;
            }
            // The server fills in the submitter's address, so the person filing can never leave it out.
            boolean required = submitted.required() && type.get() != FieldType.SUBMITTER_ADDRESS;
            fields.add(new FormField(fields.size() + 1, question, type.get(), required));
        }
        errors.throwIfAny();
        return new CleanForm(name, titleQuestion, descriptionQuestion, draft.isDefault(), fields);
    }

    private static void checkLength(String value, int max, String field, String key, FieldErrors errors) {
        if (value.isEmpty() || value.length() > max) {
            errors.add(field, key, max);
        }
    }
}
