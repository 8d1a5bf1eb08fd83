package org.nodepoint.legacyimport;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts the dates of NodePoint 1.x. Times are Perl's {@code scalar localtime} text such as
 * {@code Thu Dec  4 10:00:00 2025}, in the local time of the 1.x server, which the text does not
 * name; {@code zone} is that server's zone. "Never" means not set. Due and expiry dates are free
 * text that contains {@code mm/dd/yyyy} somewhere.
 */
final class LegacyDates {
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ENGLISH);
    private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

    private final ZoneId zone;

    LegacyDates(ZoneId zone) {
        this.zone = zone;
    }

    ZoneId zone() {
        return zone;
    }

    /** True for the text by which 1.x marks a time that is not set: "Never" or nothing. */
    static boolean isNever(String text) {
        String value = text.strip();
        return value.isEmpty() || value.equalsIgnoreCase("Never");
    }

    /** Returns the time in epoch milliseconds, or empty when the text is not a ctime-style time. */
    Optional<Long> parse(String text) {
        String collapsed = text.strip().replaceAll("\\s+", " ");
        try {
            return Optional.of(LocalDateTime.parse(collapsed, CTIME).atZone(zone).toInstant().toEpochMilli());
        } catch (DateTimeParseException invalid) {
            return Optional.empty();
        }
    }

    /** Returns the first {@code mm/dd/yyyy} date in the text as yyyy-mm-dd, or empty when there is none or it is not a real day. */
    static Optional<String> day(String text) {
        Matcher match = US_DATE.matcher(text);
        if (!match.find()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(match.group(3)), Integer.parseInt(match.group(1)), Integer.parseInt(match.group(2)));
            return Optional.of(date.toString());
        } catch (java.time.DateTimeException invalid) {
            return Optional.empty();
        }
    }
}
