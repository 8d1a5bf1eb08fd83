package org.nodepoint.inventory;

/** A checkout request that awaits approval: the item, the requester, and when they asked. */
public record ApprovalRequest(long itemId, String name, String serial, long requesterId, String requesterName, String expiresOn,
        boolean expired, Long requestedAt) {
}
