package org.nodepoint.forms;

import java.util.List;
import java.util.Optional;

/**
 * A custom ticket form: its own wording of the title and description questions, then up to
 * {@link #MAX_QUESTIONS} more questions. With the title that makes NodePoint 1.x's ten fields.
 */
public record TicketForm(
        long id,
        String name,
        String titleQuestion,
        String descriptionQuestion,
        boolean isDefault,
        long version,
        long createdAt,
        Long updatedAt,
        List<FormField> fields) {

    public static final int MAX_QUESTIONS = 9;

    /** Returns the form's priority field, if it has one. */
    public Optional<FormField> priorityField() {
        return fields.stream().filter(field -> field.type() == FieldType.PRIORITY).findFirst();
    }
}
