package org.nodepoint.forms;

import org.jdbi.v3.core.mapper.reflect.JdbiConstructor;

/**
 * One answer that a ticket was filed with, with the question as it read then. The type is the
 * {@link FieldType} key as stored; an empty value is a question left unanswered. The answer to a
 * file question is the file's name, and {@code attachmentId} names the attachment that contains the file;
 * it is null for every other answer. The answer to an article question names the article in
 * {@code articleId}, and its value is the article's title, or "" for a viewer who may not see the
 * article, so that a draft's title reaches no one below level 4.
 */
public record TicketAnswer(int position, String question, String type, String value, Long attachmentId, Long articleId) {
    @JdbiConstructor
    public TicketAnswer {
    }

    /** An answer that names no article. */
    public TicketAnswer(int position, String question, String type, String value, Long attachmentId) {
        this(position, question, type, value, attachmentId, null);
    }

    public boolean isAnswered() {
        return !value.isEmpty() || articleId != null;
    }

    /** True for an answer that names an article. Its title is "" when the viewer may not see the article. */
    public boolean isArticle() {
        return articleId != null;
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
