package org.nodepoint.billing;

import java.util.List;
import org.nodepoint.clients.Client;
import org.nodepoint.errors.FieldErrors;

/**
 * The billing panel of a ticket page: the client that the ticket is billable to (or null), and
 * the clients that may be chosen. {@code shown} is false when the viewer or the settings leave the
 * panel out.
 */
public record TicketBilling(boolean shown, Client current, List<Client> choices, FieldErrors errors) {
    public static final TicketBilling HIDDEN = new TicketBilling(false, null, List.of(), null);

    public boolean isSelected(Client client) {
        return current != null && current.id() == client.id();
    }

    /** True when the current client is Closed, so that the select needs an extra option for it. */
    public boolean currentIsClosed() {
        return current != null && current.isClosed();
    }
}
