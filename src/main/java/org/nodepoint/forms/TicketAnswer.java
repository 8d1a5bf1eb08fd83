package org.nodepoint.forms;

/**
 * One answer that a ticket was filed with, with the question as it read then. The type is the
 * {@link FieldType} key as stored; an empty value is a question left unanswered.
 */
public record TicketAnswer(int position, String question, String type, String value) {

    public boolean isAnswered() {
        return !value.isEmpty();
    }

    /** True for long text, which the ticket page shows with its line breaks. */
    public boolean isMultiLine() {
        return FieldType.LONG_TEXT.key().equals(type);
    }
}
