package org.nodepoint.inventory;

/**
 * The filters of the item list: a status, a type, and a prefix of the name or the serial number.
 * Each is null when not used.
 */
public record ItemFilter(ItemStatus status, String type, String prefix) {
    public static final ItemFilter ALL = new ItemFilter(null, null, null);
}
