package org.nodepoint.notifications;

/**
 * The item details that an item notification contains, read when it is built: the serial number
 * (null when the item has none), the hand-over information, the status and the holder's id and
 * name (the requester while waiting). {@code actorName} is the user who acted.
 */
record ItemFacts(long id, String name, String serial, String info, String status, Long holderId, String holderName,
        String actorName) {
    private static final String WAITING = "waiting";
    private static final String CHECKED_OUT = "checked_out";

    /** True while the user's request for the item waits for approval. */
    boolean isWaitingFor(long userId) {
        return WAITING.equals(status) && holderId != null && holderId == userId;
    }

    /** True while the item is checked out to the user. */
    boolean isHeldBy(long userId) {
        return CHECKED_OUT.equals(status) && holderId != null && holderId == userId;
    }
}
