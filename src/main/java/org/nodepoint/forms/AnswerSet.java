package org.nodepoint.forms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.nodepoint.uploads.IncomingFile;
import org.nodepoint.web.PathIds;

/**
 * The answers of a new-ticket form as submitted: which form and version the page showed (both
 * null for the plain form), the raw value of each question by position, and the files sent for
 * file questions by position.
 */
public record AnswerSet(Long formId, Long formVersion, Map<Integer, String> values, Map<Integer, List<IncomingFile>> files) {
    public static final AnswerSet NONE = new AnswerSet(null, null, Map.of());

    /** Answers without files, such as those of a form without a file question. */
    public AnswerSet(Long formId, Long formVersion, Map<Integer, String> values) {
        this(formId, formVersion, values, Map.of());
    }

    /** Reads the fields {@code formId}, {@code formVersion} and {@code answer1} to {@code answer9} with the given look-up. */
    public static AnswerSet read(Function<String, String> formParam) {
        return read(formParam, field -> List.of());
    }

    /**
     * Reads the fields like {@link #read(Function)}, and the files of each answer field with
     * {@code fileParam}, which returns an empty list for a field without files.
     */
    public static AnswerSet read(Function<String, String> formParam, Function<String, List<IncomingFile>> fileParam) {
        Map<Integer, String> values = new HashMap<>();
        Map<Integer, List<IncomingFile>> files = new HashMap<>();
        for (int position = 1; position <= TicketForm.MAX_QUESTIONS; position++) {
            String value = formParam.apply(fieldName(position));
            if (value != null) {
                values.put(position, value);
            }
            List<IncomingFile> sent = fileParam.apply(fieldName(position));
            if (!sent.isEmpty()) {
                files.put(position, List.copyOf(sent));
            }
        }
        return new AnswerSet(PathIds.parseNumber(formParam.apply("formId")), PathIds.parseNumber(formParam.apply("formVersion")),
                Map.copyOf(values), Map.copyOf(files));
    }

    /** Returns the name of the form field that carries the answer at this position. */
    public static String fieldName(int position) {
        return "answer" + position;
    }

    /** Returns the submitted value, or "" when the field was not sent. */
    public String value(int position) {
        return values.getOrDefault(position, "");
    }

    /** Returns the files sent in the field at this position, or an empty list. */
    public List<IncomingFile> filesAt(int position) {
        return files.getOrDefault(position, List.of());
    }

    /** True when these answers were filled in on this form at its current version. */
    public boolean isFor(TicketForm form) {
        return form.id() == (formId == null ? -1 : formId) && form.version() == (formVersion == null ? -1 : formVersion);
    }
}
