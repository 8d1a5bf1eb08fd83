package org.nodepoint.tickets;

import java.util.Arrays;
import java.util.Optional;

/** Ticket status. Any status may follow any other; all but New and Open need a resolution in the UI. */
public enum TicketStatus {
    NEW("New"),
    OPEN("Open"),
    INVALID("Invalid"),
    HOLD("Hold"),
    DUPLICATE("Duplicate"),
    RESOLVED("Resolved"),
    CLOSED("Closed");

    private final String label;

    TicketStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Returns the Bootstrap colour class of a status badge; unknown labels get the neutral one. */
    public static String badgeClass(String label) {
        return switch (parse(label).orElse(CLOSED)) {
            case NEW -> "text-bg-primary";
            case OPEN -> "text-bg-info";
            case HOLD -> "text-bg-warning";
            case RESOLVED -> "text-bg-success";
            case INVALID, DUPLICATE, CLOSED -> "text-bg-secondary";
        };
    }

    public boolean needsResolution() {
        return this != NEW && this != OPEN;
    }

    /** Parses the exact label, as the legacy API requires ("closed" is not Closed). */
    public static Optional<TicketStatus> parseExact(String text) {
        return Arrays.stream(values()).filter(value -> value.label.equals(text)).findFirst();
    }

    /** Parses a label without regard to case, for forms and imports. */
    public static Optional<TicketStatus> parse(String text) {
        String clean = text == null ? "" : text.strip();
        return Arrays.stream(values()).filter(value -> value.label.equalsIgnoreCase(clean)).findFirst();
    }
}
