package org.nodepoint.notifications;

import java.util.List;
import org.nodepoint.tickets.TicketChange.FieldChange;
import org.nodepoint.web.Text;

/**
 * Writes the title and the plain-text body of ticket notifications. Every value is written as
 * stored; the mail channel escapes the HTML part.
 */
final class TicketMessages {
    /** A changed value longer than this, or with a line break, is shown as a block instead of on one line. */
    private static final int MAX_INLINE_VALUE_LENGTH = 80;

    private final Text text;
    private final String publicUrl;

    /** {@code publicUrl} is the site's public address without a trailing slash, or "" to add no link. */
    TicketMessages(Text text, String publicUrl) {
        this.text = text;
        this.publicUrl = publicUrl;
    }

    /** One notification's title and body. */
    record Message(String title, String body) {
    }

    Message created(TicketFacts ticket) {
        StringBuilder body = new StringBuilder();
        body.append(text.plain("notifications.ticket.created.intro", actor(ticket), ticket.id(), ticket.title())).append("\n\n");
        body.append(text.plain("notifications.ticket.product", ticket.productName())).append('\n');
        if (!ticket.release().isEmpty()) {
            body.append(text.plain("notifications.ticket.release", ticket.release())).append('\n');
        }
        body.append(text.plain("notifications.ticket.priority", ticket.priorityLabel())).append("\n\n");
        body.append(ticket.description());
        return new Message(text.plain("notifications.ticket.created.title", ticket.id(), ticket.title()), withLink(body, ticket));
    }

    Message updated(TicketFacts ticket, List<FieldChange> fields, String note) {
        StringBuilder body = new StringBuilder();
        body.append(text.plain("notifications.ticket.updated.intro", actor(ticket), ticket.id(), ticket.title()));
        for (FieldChange field : fields) {
            body.append(isInline(field) ? "\n\n" + inlineChange(field) : "\n\n" + blockChange(field));
        }
        if (!note.isEmpty()) {
            body.append("\n\n").append(text.plain("notifications.ticket.note")).append('\n').append(note);
        }
        return new Message(text.plain("notifications.ticket.updated.title", ticket.id(), ticket.title()), withLink(body, ticket));
    }

    Message commented(TicketFacts ticket, String comment) {
        StringBuilder body = new StringBuilder();
        body.append(text.plain("notifications.ticket.comment.intro", actor(ticket), ticket.id(), ticket.title())).append("\n\n");
        body.append(comment);
        return new Message(text.plain("notifications.ticket.comment.title", ticket.id(), ticket.title()), withLink(body, ticket));
    }

    Message assigned(TicketFacts ticket) {
        StringBuilder body = new StringBuilder();
        body.append(text.plain("notifications.ticket.assigned.intro", actor(ticket), ticket.id(), ticket.title())).append("\n\n");
        body.append(text.plain("notifications.ticket.product", ticket.productName())).append('\n');
        body.append(text.plain("notifications.ticket.priority", ticket.priorityLabel())).append("\n\n");
        body.append(ticket.description());
        return new Message(text.plain("notifications.ticket.assigned.title", ticket.id(), ticket.title()), withLink(body, ticket));
    }

    Message attention(TicketFacts ticket) {
        StringBuilder body = new StringBuilder();
        body.append(text.plain("notifications.ticket.attention.intro", actor(ticket), ticket.id(), ticket.title())).append("\n\n");
        body.append(text.plain("notifications.ticket.attention.clear"));
        return new Message(text.plain("notifications.ticket.attention.title", ticket.id(), ticket.title()), withLink(body, ticket));
    }

    private String inlineChange(FieldChange field) {
        return text.plain("notifications.ticket.change", label(field), shown(field.oldValue()), shown(field.newValue()));
    }

    private String blockChange(FieldChange field) {
        return text.plain("notifications.ticket.change.before", label(field)) + "\n" + shown(field.oldValue()) + "\n\n"
                + text.plain("notifications.ticket.change.after", label(field)) + "\n" + shown(field.newValue());
    }

    private static boolean isInline(FieldChange field) {
        return isShort(field.oldValue()) && isShort(field.newValue());
    }

    private static boolean isShort(String value) {
        return value.length() <= MAX_INLINE_VALUE_LENGTH && value.indexOf('\n') < 0;
    }

    private String label(FieldChange field) {
        return text.plain("tickets.field." + field.field());
    }

    private String shown(String value) {
        return value.isEmpty() ? text.plain("notifications.ticket.empty") : value;
    }

    private String actor(TicketFacts ticket) {
        return ticket.actorName() == null ? "?" : ticket.actorName();
    }

    private String withLink(StringBuilder body, TicketFacts ticket) {
        if (!publicUrl.isEmpty()) {
            body.append("\n\n").append(text.plain("notifications.ticket.link", publicUrl + "/tickets/" + ticket.id()));
        }
        return body.toString();
    }
}
