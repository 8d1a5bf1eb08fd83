package org.nodepoint.forms;

/**
 * One answer that a ticket was filed with, with the question as it read then. The type is the
 * {@link FieldType} key as stored; an empty value is a question left unanswered. The answer to a
 * file question is the file's name, and {@code attachmentId} names the attachment that contains the file;
 * it is null for every other answer.
 */
public record TicketAnswer(int position, String question, String type, String value, Long attachmentId) {

    public boolean isAnswered() {
        return !value.isEmpty();
    }

    /** True for long text, which the ticket page shows with its line breaks. */
    public boolean isMultiLine() {
        return FieldType.LONG_TEXT.key().equals(type);
    }

    /** True for an uploaded file, which the ticket page links to its download. */
    public boolean isFile() {
        return attachmentId != null;
    }
}
