package org.nodepoint.forms;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of question a custom form may ask. The key is what the database stores; the legacy
 * code is NodePoint 1.x's number for the same kind, for imports of 1.x forms. Kinds whose module
 * does not exist yet are unavailable: the form editor does not offer them and rejects them.
 */
public enum FieldType {
    SHORT_TEXT("short_text", 0, true),
    LONG_TEXT("long_text", 1, true),
    NUMBER("number", 2, true),
    CHECKBOX("checkbox", 3, true),
    YES_NO("yes_no", 4, true, "Yes", "No"),
    TRUE_FALSE("true_false", 5, true, "True", "False"),
    EMAIL("email", 6, true),
    SCALE("scale", 7, true, "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"),
    /** The client address of the request that files the ticket, filled in by the server. */
    SUBMITTER_ADDRESS("submitter_address", 8, true),
    SATISFACTION("satisfaction", 9, true, "Extremely", "A lot", "Moderately", "Slightly", "Not at all"),
    /** An ISO date (yyyy-mm-dd), as browsers send it from a date input. */
    DATE("date", 10, true),
    /** One of the clients that are not Closed. The new ticket becomes billable to the client of the first such answer. */
    CLIENT("client", 11, true),
    /** One of the items that the submitter has checked out, chosen from a list and stored as "name (serial)". */
    OWN_ITEMS("own_items", 12, true),
    PHONE("phone", 13, true),
    /** One uploaded file, stored as an attachment of the new ticket. Only users at or above upload_lvl may answer it. */
    FILE("file", 14, true),
    /**
     * One of the published articles of the ticket's project or of all projects. The answer stores the
     * article's id, so that the ticket page shows the title only to viewers who may see the article.
     */
    ARTICLE("article", 15, true),
    /** One of the submitter's open tasks in the ticket's project, stored as "description (due yyyy-mm-dd)". */
    OWN_TASKS("own_tasks", 16, true),
    /** Sets the ticket's priority. A form has at most one. */
    PRIORITY("priority", 17, true, "Low", "Normal", "High"),
    /** Any user who may sign in. */
    USER("user", 18, true),
    /** A user of level 3 or above, who becomes an assignee of the new ticket. */
    ASSIGNEE("assignee", 19, true);

    private final String key;
    private final int legacyCode;
    private final boolean available;
    private final List<String> choices;

    FieldType(String key, int legacyCode, boolean available, String... choices) {
        this.key = key;
        this.legacyCode = legacyCode;
        this.available = available;
        this.choices = List.of(choices);
    }

    public String key() {
        return key;
    }

    public int legacyCode() {
        return legacyCode;
    }

    public boolean isAvailable() {
        return available;
    }

    /** Returns the allowed answers of a choice field, or an empty list when the answer is not a fixed choice. */
    public List<String> choices() {
        return choices;
    }

    /** Returns the kinds that the form editor offers, in the order of NodePoint 1.x's list. */
    public static List<FieldType> offered() {
        return Arrays.stream(values()).filter(FieldType::isAvailable).toList();
    }

    public static Optional<FieldType> parse(String key) {
        return Arrays.stream(values()).filter(type -> type.key.equals(key)).findFirst();
    }
}
