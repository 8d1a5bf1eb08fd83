package org.nodepoint.forms;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.nodepoint.web.PathIds;

/**
 * The answers of a new-ticket form as submitted: which form and version the page showed (both
 * null for the plain form), and the raw value of each question by position.
 */
public record AnswerSet(Long formId, Long formVersion, Map<Integer, String> values) {
    public static final AnswerSet NONE = new AnswerSet(null, null, Map.of());

    /** Reads the fields {@code formId}, {@code formVersion} and {@code answer1} to {@code answer9} with the given look-up. */
    public static AnswerSet read(Function<String, String> formParam) {
        Map<Integer, String> values = new HashMap<>();
        for (int position = 1; position <= TicketForm.MAX_QUESTIONS; position++) {
            String value = formParam.apply(fieldName(position));
            if (value != null) {
                values.put(position, value);
            }
        }
        return new AnswerSet(PathIds.parseNumber(formParam.apply("formId")), PathIds.parseNumber(formParam.apply("formVersion")),
                Map.copyOf(values));
    }

    /** Returns the name of the form field that carries the answer at this position. */
    public static String fieldName(int position) {
        return "answer" + position;
    }

    /** Returns the submitted value, or "" when the field was not sent. */
    public String value(int position) {
        return values.getOrDefault(position, "");
    }

    /** True when these answers were filled in on this form at its current version. */
    public boolean isFor(TicketForm form) {
        return form.id() == (formId == null ? -1 : formId) && form.version() == (formVersion == null ? -1 : formVersion);
    }
}
