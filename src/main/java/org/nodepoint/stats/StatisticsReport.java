package org.nodepoint.stats;

import java.util.List;

/**
 * The numbers of the statistics page for one viewer and filter.
 *
 * @param showsTickets false while the tickets component is off, and then both ticket lists are empty
 */
public record StatisticsReport(boolean showsTickets, List<DayCount> createdPerDay, List<StatusCount> byStatus, MonthCalendar calendar) {
    public long createdTotal() {
        return createdPerDay.stream().mapToLong(DayCount::tickets).sum();
    }

    public long statusTotal() {
        return byStatus.stream().mapToLong(StatusCount::tickets).sum();
    }
}
