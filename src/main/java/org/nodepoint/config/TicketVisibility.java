package org.nodepoint.config;

import java.util.Arrays;
import java.util.Optional;

/** The site-wide rule, set by the administrator, for which viewers may read tickets. */
public enum TicketVisibility {
    /** Everyone, guests included. */
    PUBLIC("Public"),
    /** Every signed-in user, level 0 and up. */
    PRIVATE("Private"),
    /** Level 2 (restricted view) and up, plus each ticket's own creator. */
    RESTRICTED("Restricted");

    private final String label;

    TicketVisibility(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<TicketVisibility> parse(String text) {
        return Arrays.stream(values()).filter(value -> value.label.equalsIgnoreCase(text.strip())).findFirst();
    }
}
