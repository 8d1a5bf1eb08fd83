package org.nodepoint.inventory;

/**
 * One event in an item's history: who did what, and when. {@code userName} names the user it
 * concerned (the requester, the assignee, the former holder), or is null. {@code detail} is the new
 * expiry date for expiry_set and the changed fields for edited.
 */
public record ItemHistoryEntry(long id, String action, long actorId, String actorName, Long userId, String userName, String detail,
        long createdAt) {

    /**
     * Returns the message key of the entry: one per action, with a variant for a return made for
     * another user, and "withdrawn" for a denial that the requester made of their own request.
     */
    public String messageKey() {
        if ("denied".equals(action) && userId != null && userId == actorId) {
            return "inventory.history.withdrawn";
        }
        if ("returned".equals(action) && userId != null) {
            return "inventory.history.returnedFor";
        }
        return "inventory.history." + action;
    }
}
