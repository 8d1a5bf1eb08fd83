package org.nodepoint.stats;

import java.time.LocalDate;
import java.util.List;
import org.nodepoint.tickets.Hours;

/**
 * One cell of the statistics calendar. A day of the previous or next month that fills the first
 * or last week is {@code inMonth = false} and carries no data.
 *
 * @param hours the sum of the time entries recorded on the day
 * @param tasks the descriptions of the tasks due on the day
 * @param items the names of the items whose last day of checkout is this day
 */
public record CalendarDay(LocalDate date, boolean inMonth, boolean isToday, Hours hours, List<String> tasks, List<String> items) {
}
