package org.nodepoint.inventory;

/** One row of an item list. {@code expired} is true when the expiry date has passed in the site's time zone. */
public record ItemSummary(long id, String name, String type, String serial, String status, Long holderId, String holderName,
        String expiresOn, boolean expired) {

    public ItemStatus state() {
        return ItemStatus.ofStored(status);
    }

    /** Returns "name (serial)", or the name alone for an item without a serial. */
    public String label() {
        return serial == null ? name : name + " (" + serial + ")";
    }
}
