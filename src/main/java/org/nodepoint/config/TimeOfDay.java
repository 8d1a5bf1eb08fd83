package org.nodepoint.config;

import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rule for the backup_time setting: empty for no scheduled backups, or a 24-hour time HH:MM such as 02:30. */
public final class TimeOfDay {
    public static final int MAX_LENGTH = 5;
    private static final Pattern HOURS_MINUTES = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    private TimeOfDay() {
    }

    /** Returns the time that the text denotes, or empty when the text is empty or not of the form HH:MM. */
    public static Optional<LocalTime> parse(String text) {
        if (!HOURS_MINUTES.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(LocalTime.parse(text));
    }

    public static boolean isAllowed(String text) {
        return text.isEmpty() || parse(text).isPresent();
    }
}
