package org.nodepoint.tickets;

import org.jdbi.v3.core.Handle;
import org.nodepoint.errors.FieldErrors;

/**
 * Data that another feature files with a new ticket, such as the answers to a custom form.
 * {@link TicketService#file(org.nodepoint.users.Viewer, NewTicket, org.nodepoint.events.Origin, TicketAddition)}
 * reports its errors together with the ticket's own and stores it in the ticket's transaction, so
 * that invalid input stores nothing at all.
 */
public interface TicketAddition {
    TicketAddition NONE = new TicketAddition() {
        @Override
        public void validate(FieldErrors errors) {
        }

        @Override
        public void store(Handle handle, long ticketId) {
        }
    };

    /** Adds a message for each invalid field. Runs before anything is stored. */
    void validate(FieldErrors errors);

    /** Stores the addition's rows for the new ticket, on the writer's handle, before the transaction commits. */
    void store(Handle handle, long ticketId);
}
