package org.nodepoint.inventory;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the expiry dates of items. The database and the web form use ISO dates
 * (yyyy-mm-dd, as a date input sends them); the legacy API uses mm/dd/yyyy as NodePoint 1.x did.
 * Impossible dates such as 2024-02-30 or 13/40/2024 are rejected.
 */
public final class ExpiryDates {
    private static final Pattern ISO = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");
    private static final Pattern US = Pattern.compile("([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})");
    private static final DateTimeFormatter US_FORMAT = DateTimeFormatter.ofPattern("MM/dd/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private ExpiryDates() {
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

    /** Formats a stored yyyy-mm-dd date as mm/dd/yyyy, or returns "" for none. */
    public static String toUs(String stored) {
        return stored == null ? "" : parseIso(stored).map(US_FORMAT::format).orElse("");
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (java.time.DateTimeException | NumberFormatException impossible) {
            return Optional.empty();
        }
    }
}
