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
