package org.nodepoint.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/** The rule for the time_zone setting: empty for the server's zone, or a region name such as Europe/Berlin. */
public final class TimeZoneName {
    public static final int MAX_LENGTH = 64;

    private TimeZoneName() {
    }

    /** Returns the zone that the name denotes, or empty when the name is empty or not a zone name. */
    public static Optional<ZoneId> parse(String name) {
        if (name.isEmpty() || name.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(name));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    public static boolean isAllowed(String name) {
        return name.isEmpty() || parse(name).isPresent();
    }
}
