package org.nodepoint.clients;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The status of a client in the directory. No new ticket may be billed to a Closed client. */
public enum ClientStatus {
    PROSPECT("Prospect"),
    SUPPLIER("Supplier"),
    CONTACT("Contact"),
    PAID("Paid"),
    UNPAID("Unpaid"),
    CLOSED("Closed");

    private final String label;

    ClientStatus(String label) {
        this.label = label;
    }

    /** Returns the name as stored and as the legacy API sends it, such as "Prospect". */
    public String label() {
        return label;
    }

    /** Returns the CSS class of the status badge. */
    public String badgeClass() {
        return switch (this) {
            case PAID -> "text-bg-success";
            case UNPAID -> "text-bg-warning";
            case CLOSED -> "text-bg-secondary";
            default -> "text-bg-light border";
        };
    }

    /** Parses a status in any letter case, such as "paid". */
    public static Optional<ClientStatus> parse(String text) {
        String clean = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(status -> status.label.toLowerCase(Locale.ROOT).equals(clean)).findFirst();
    }

    public static List<ClientStatus> all() {
        return List.of(values());
    }
}
