package org.nodepoint.tickets;

import java.util.Arrays;
import java.util.Optional;

/** Ticket priority; the code is what the database stores, so that sorting by priority uses an index. */
public enum Priority {
    LOW(0, "Low"),
    NORMAL(1, "Normal"),
    HIGH(2, "High");

    private final int code;
    private final String label;

    Priority(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Priority ofCode(int code) {
        return Arrays.stream(values()).filter(value -> value.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No priority with code " + code));
    }

    /** Parses a label without regard to case ("high" is High). */
    public static Optional<Priority> parse(String text) {
        String clean = text == null ? "" : text.strip();
        return Arrays.stream(values()).filter(value -> value.label.equalsIgnoreCase(clean)).findFirst();
    }
}
