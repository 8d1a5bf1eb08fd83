package org.nodepoint.tickets;

import io.javalin.http.Context;
import org.nodepoint.submissions.FormSubmissions;

/** The single-use submission tokens of the update and comment forms on one ticket page. */
public record TicketFormTokens(String update, String comment) {
    /** The purpose of the new ticket form's tokens. */
    static final String NEW_TICKET = "ticket";

    TicketFormTokens(FormSubmissions submissions, Context ctx, long ticketId) {
        this(submissions.issue(ctx, update(ticketId)), submissions.issue(ctx, comment(ticketId)));
    }

    /** Returns the purpose of the update form's tokens of a ticket, so that they work on no other form. */
    static String update(long ticketId) {
        return "update:" + ticketId;
    }

    static String comment(long ticketId) {
        return "comment:" + ticketId;
    }
}
