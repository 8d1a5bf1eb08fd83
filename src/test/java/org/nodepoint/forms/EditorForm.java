package org.nodepoint.forms;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The body that the form editor posts: the form's own fields, then one question, type and
 * required value per row under repeated names, as a browser sends the editor's rows.
 */
final class EditorForm {
    private final List<String> pairs = new ArrayList<>();

    private EditorForm() {
    }

    /** Starts a form body with its name, the questions for the ticket title and description, and no rows. */
    static EditorForm of(String name, String titleQuestion, String descriptionQuestion) {
        return new EditorForm().with("name", name).with("titleQuestion", titleQuestion).with("descriptionQuestion", descriptionQuestion);
    }

    /** Starts a form body with its name and no rows. */
    static EditorForm named(String name) {
        return of(name, "What is broken?", "Describe it");
    }

    EditorForm with(String field, String value) {
        pairs.add(URLEncoder.encode(field, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        return this;
    }

    /** Adds a row; {@code required} is sent as the editor's select sends it. */
    EditorForm row(String question, String type, boolean required) {
        return with("question", question).with("type", type).with("required", required ? "yes" : "no");
    }

    /** Adds an optional row that asks for the type's key, of that type. */
    EditorForm row(FieldType type) {
        return row("Question " + type.key(), type.key(), false);
    }

    EditorForm asDefault() {
        return with("isDefault", "on");
    }

    String encoded() {
        return String.join("&", pairs);
    }
}
