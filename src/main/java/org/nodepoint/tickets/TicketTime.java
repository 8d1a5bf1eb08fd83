package org.nodepoint.tickets;

import org.nodepoint.config.Component;
import org.nodepoint.config.Settings;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.users.Level;
import org.nodepoint.users.Viewer;

/**
 * Time tracking on the ticket page: whether the update form takes hours (level 3, as updates
 * do) and the time breakdown, shown from level 2. Both need the time tracking component.
 *
 * @param breakdown the entries with their total, or null when the viewer may not see them
 */
public record TicketTime(boolean canEnter, TimeBreakdown breakdown) {
    static TicketTime forViewer(Viewer viewer, Settings settings, TimeTracking time, long ticketId) {
        if (!settings.isEnabled(Component.TIME_TRACKING)) {
            return new TicketTime(false, null);
        }
        boolean showsBreakdown = viewer.hasLevel(Level.RESTRICTED_VIEW);
        return new TicketTime(viewer.hasLevel(Level.TICKETS_MANAGEMENT), showsBreakdown ? time.breakdownOf(ticketId) : null);
    }

    /**
     * Rejects hours typed into the update form while time tracking is off, which happens when the
     * administrator switched it off after the form was loaded, so that the hours are not lost unnoticed.
     */
    static void requireEnabled(Settings settings, String typedHours) {
        if (typedHours != null && !typedHours.isBlank() && !settings.isEnabled(Component.TIME_TRACKING)) {
            throw ValidationException.of("time", "tickets.time.off");
        }
    }
}
