package org.nodepoint.forms;

import java.util.List;

/**
 * A form as the editor submits it, before validation. Rows whose question is empty are unused
 * and dropped; the others are numbered from 1 in the order given.
 */
public record FormDraft(String name, String titleQuestion, String descriptionQuestion, boolean isDefault, List<Row> rows) {

    /** One row of the editor; {@code type} is a {@link FieldType} key as submitted. */
    public record Row(String question, String type, boolean required) {
    }
}
