package org.nodepoint.syslog;

import java.util.regex.Pattern;
import org.nodepoint.errors.FieldErrors;

/**
 * The filters of the system log page: one category or all (null), and a piece of text that the
 * actor or the message must contain, or "" for none.
 */
public record LogFilter(LogCategory category, String text) {
    public static final String TEXT_FIELD = "text";
    public static final String CATEGORY_FIELD = "category";
    /** The trigram index finds only pieces of at least three characters; shorter ones match nothing. */
    public static final int MIN_TEXT_LENGTH = 3;
    public static final int MAX_TEXT_LENGTH = 200;

    /** Control characters, NUL included, become spaces, because FTS5 ends a query at a NUL and the log stores none of them. */
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    /**
     * Reads the page's query parameters; null or blank means no filter. Throws ValidationException
     * naming each invalid field: text shorter than {@link #MIN_TEXT_LENGTH} or longer than
     * {@link #MAX_TEXT_LENGTH} characters, or an unknown category.
     */
    public static LogFilter parse(String text, String category) {
        FieldErrors errors = new FieldErrors();
        String cleanText = text == null ? "" : CONTROL.matcher(text).replaceAll(" ").strip();
        int length = cleanText.codePointCount(0, cleanText.length());
        if (length > 0 && (length < MIN_TEXT_LENGTH || length > MAX_TEXT_LENGTH)) {
            errors.add(TEXT_FIELD, "syslog.text.length", MIN_TEXT_LENGTH, MAX_TEXT_LENGTH);
        }
        LogCategory chosen = null;
        if (category != null && !category.isBlank()) {
            chosen = LogCategory.parse(category.strip()).orElse(null);
            if (chosen == null) {
                errors.add(CATEGORY_FIELD, "syslog.category.invalid");
            }
        }
        errors.throwIfAny();
        return new LogFilter(chosen, cleanText);
    }

    public boolean hasText() {
        return !text.isEmpty();
    }

    /**
     * Returns the text as one FTS5 string in double quotes, with each quote inside doubled, so that
     * FTS5 reads all of it as characters to find and none of it as query syntax. The trigram
     * tokenizer then matches the string anywhere inside the actor or the message, in any letter case.
     */
    String ftsPhrase() {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
