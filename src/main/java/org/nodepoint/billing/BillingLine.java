package org.nodepoint.billing;

import org.nodepoint.tickets.Hours;

/**
 * One billable ticket of a statement: its hours, its cost in cents, and its title, which is null
 * when the viewer may not read the ticket. Such a line still counts in the total.
 */
public record BillingLine(long ticketId, String title, String status, Hours hours, long costCents) {
    public boolean isVisible() {
        return title != null;
    }
}
