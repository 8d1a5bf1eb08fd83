package org.nodepoint.stats;

import java.time.LocalDate;

/** The number of tickets created on one day, in the time zone of the settings. */
public record DayCount(LocalDate day, long tickets) {
}
