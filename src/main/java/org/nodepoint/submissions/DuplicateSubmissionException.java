package org.nodepoint.submissions;

/**
 * A form was submitted again with a token whose first submission stored a record. This request
 * stored nothing, and {@link #recordId()} is the record of the first.
 */
public final class DuplicateSubmissionException extends RuntimeException {
    private final long recordId;

    public DuplicateSubmissionException(long recordId) {
        super("Form submitted again; the first submission stored record " + recordId, null, false, false);
        this.recordId = recordId;
    }

    public long recordId() {
        return recordId;
    }
}
