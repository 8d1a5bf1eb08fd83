package org.nodepoint.inventory;

import java.util.Arrays;
import java.util.Optional;

/**
 * The state of an inventory item, with the value the database stores and the number that the
 * NodePoint 1.x API sends for it.
 */
public enum ItemStatus {
    UNAVAILABLE("unavailable", 0),
    AVAILABLE("available", 1),
    /** A checkout request awaits approval; the requester is the item's holder. */
    WAITING("waiting", 2),
    CHECKED_OUT("checked_out", 3);

    private final String stored;
    private final int legacyCode;

    ItemStatus(String stored, int legacyCode) {
        this.stored = stored;
        this.legacyCode = legacyCode;
    }

    public String stored() {
        return stored;
    }

    public int legacyCode() {
        return legacyCode;
    }

    /** True for the states in which a user holds the item: waiting for approval and checked out. */
    public boolean isHeld() {
        return this == WAITING || this == CHECKED_OUT;
    }

    /** Returns the Bootstrap colour class of the status badge. */
    public String badgeClass() {
        return switch (this) {
            case AVAILABLE -> "text-bg-success";
            case WAITING -> "text-bg-warning";
            case CHECKED_OUT -> "text-bg-primary";
            case UNAVAILABLE -> "text-bg-secondary";
        };
    }

    public static ItemStatus ofStored(String stored) {
        return parse(stored).orElseThrow(() -> new IllegalStateException("Unknown item status in the database: " + stored));
    }

    /** Parses a stored value, as list filters send it; anything else is empty. */
    public static Optional<ItemStatus> parse(String text) {
        return Arrays.stream(values()).filter(status -> status.stored.equals(text)).findFirst();
    }
}
