package org.nodepoint.tickets;

import java.util.List;

/** The time entries of one ticket, oldest first, and their exact total. */
public record TimeBreakdown(List<TimeEntry> entries, Hours total) {
}
