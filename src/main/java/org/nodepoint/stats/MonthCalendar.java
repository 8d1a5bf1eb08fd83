package org.nodepoint.stats;

import java.time.YearMonth;
import java.util.List;

/**
 * The calendar of one month: whole weeks from Monday to Sunday. Each flag is true when the viewer
 * may see that kind of entry, which depends on the components that are on and on the viewer's level.
 */
public record MonthCalendar(YearMonth month, List<List<CalendarDay>> weeks, boolean showsHours, boolean showsTasks,
        boolean showsItems) {
    public YearMonth previous() {
        return month.minusMonths(1);
    }

    public YearMonth next() {
        return month.plusMonths(1);
    }
}
