package org.nodepoint.forms;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.db.Database;
import org.nodepoint.tickets.TicketService;
import org.nodepoint.users.Viewer;

/** The answers that tickets were filed with, for the ticket page and the legacy API. */
public final class FormAnswers {
    private final Jdbi read;
    private final TicketService tickets;

    public FormAnswers(Database database, TicketService tickets) {
        this.read = database.read();
        this.tickets = tickets;
    }

    /**
     * Returns the ticket's answers in form order, or an empty list for a ticket filed without a
     * custom form. Throws NotFoundException when the viewer may not read the ticket.
     */
    public List<TicketAnswer> list(Viewer viewer, long ticketId) {
        tickets.findVisible(viewer, ticketId);
        return read.withExtension(FormDao.class, dao -> dao.listAnswers(ticketId));
    }

    /**
     * Returns the description followed by each answered question as "question TAB answer", with
     * a blank line before each. NodePoint 1.x built the description of a ticket filed through a
     * custom form from these lines, so its show_ticket returned the answers in the description.
     */
    public static String withAnswers(String description, List<TicketAnswer> answers) {
        StringBuilder text = new StringBuilder(description);
        for (TicketAnswer answer : answers) {
            if (answer.isAnswered()) {
                text.append("\n\n").append(answer.question()).append('\t').append(answer.value());
            }
        }
        return text.toString();
    }
}
