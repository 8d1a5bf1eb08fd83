package org.nodepoint.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads, writes and compares dates without a time, such as the expiry day of an item or the due
 * day of a task. The database and the web forms use ISO dates (yyyy-mm-dd, as a date input sends
 * them); the legacy API uses mm/dd/yyyy as NodePoint 1.x did. Impossible dates such as 2024-02-30
 * or 13/40/2024 are rejected, never rolled over into the next month, and so are years before
 * {@link #MIN_YEAR}.
 *
 * <p>Such a day ends at midnight in the time zone of the settings (time_zone): it is "past" from
 * the first instant of the next day in that zone.
 */
public final class CalendarDates {
    private static final Pattern ISO = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");
    private static final Pattern US = Pattern.compile("([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})");
    /**
     * Two-digit month and day and a four-digit year, which NodePoint 1.x's add_task looked for
     * anywhere in its due value. Digits next to it make it part of a longer number, not a date.
     */
    private static final Pattern US_INSIDE_TEXT = Pattern.compile("(?<![0-9])([0-9]{2})/([0-9]{2})/([0-9]{4})(?![0-9])");
    /** The earliest year accepted: an earlier one, such as 0000, is a typing error in an expiry or due date. */
    public static final int MIN_YEAR = 1900;
    private static final DateTimeFormatter US_FORMAT = DateTimeFormatter.ofPattern("MM/dd/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private CalendarDates() {
    }

    /** Parses yyyy-mm-dd. */
    public static Optional<LocalDate> parseIso(String text) {
        Matcher matcher = ISO.matcher(text == null ? "" : text.strip());
        return matcher.matches() ? date(matcher.group(1), matcher.group(2), matcher.group(3)) : Optional.empty();
    }

    /** Parses mm/dd/yyyy; the month and the day may have one digit. */
    public static Optional<LocalDate> parseUs(String text) {
        Matcher matcher = US.matcher(text == null ? "" : text.strip());
        return matcher.matches() ? date(matcher.group(3), matcher.group(1), matcher.group(2)) : Optional.empty();
    }

    /**
     * Parses the first mm/dd/yyyy found anywhere in the text, such as "due 12/31/2026 please".
     * Returns empty when there is none or when the first one is not a real date. A later match is
     * never tried, so "13/40/2024 or 01/02/2025" is rejected.
     */
    public static Optional<LocalDate> findUs(String text) {
        Matcher matcher = US_INSIDE_TEXT.matcher(text == null ? "" : text);
        return matcher.find() ? date(matcher.group(3), matcher.group(1), matcher.group(2)) : Optional.empty();
    }

    /** Formats a stored yyyy-mm-dd date as mm/dd/yyyy, or returns "" for none. */
    public static String toUs(String stored) {
        return stored == null ? "" : parseIso(stored).map(US_FORMAT::format).orElse("");
    }

    /** Returns the date in the zone at this instant. */
    public static LocalDate today(Instant now, ZoneId zone) {
        return LocalDate.ofInstant(now, zone);
    }

    /** True when the day has ended in the zone at this instant, that is from midnight at the start of the next day on. */
    public static boolean hasEnded(LocalDate day, Instant now, ZoneId zone) {
        return !now.isBefore(day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            int number = Integer.parseInt(year);
            if (number < MIN_YEAR) {
                return Optional.empty();
            }
            return Optional.of(LocalDate.of(number, Integer.parseInt(month), Integer.parseInt(day)));
        } catch (java.time.DateTimeException | NumberFormatException impossible) {
            return Optional.empty();
        }
    }
}
