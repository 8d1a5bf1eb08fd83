package org.nodepoint.inventory;

/**
 * An inventory item with the names of its project, client and holder. {@code serial} and
 * {@code expiresOn} (yyyy-mm-dd) are null when the item has none; {@code holderId} is the
 * requester while the item waits for approval and the holder while it is checked out.
 */
public record Item(
        long id,
        String name,
        String type,
        String serial,
        Long productId,
        String productName,
        Long clientId,
        String clientName,
        boolean needsApproval,
        String status,
        Long holderId,
        String holderName,
        String info,
        String expiresOn,
        long createdAt,
        Long updatedAt,
        long version) {

    public ItemStatus state() {
        return ItemStatus.ofStored(status);
    }

    /** True when the item has an expiry date before {@code today} (yyyy-mm-dd): it can no longer be checked out. */
    public boolean isExpiredOn(String today) {
        return expiresOn != null && expiresOn.compareTo(today) < 0;
    }

    public boolean isHeldBy(Long userId) {
        return userId != null && userId.equals(holderId) && state().isHeld();
    }

    /** Returns "name (serial)", or the name alone for an item without a serial. */
    public String label() {
        return serial == null ? name : name + " (" + serial + ")";
    }

    /** Returns the same item without its hand-over information, for viewers who may not read it. */
    Item withoutInfo() {
        return new Item(id, name, type, serial, productId, productName, clientId, clientName, needsApproval, status, holderId,
                holderName, "", expiresOn, createdAt, updatedAt, version);
    }

    /** Returns the same item without its project, its client or both, for viewers who may not see them. */
    Item withoutNames(boolean project, boolean client) {
        if (!project && !client) {
            return this;
        }
        return new Item(id, name, type, serial, project ? null : productId, project ? null : productName, client ? null : clientId,
                client ? null : clientName, needsApproval, status, holderId, holderName, info, expiresOn, createdAt, updatedAt, version);
    }
}
