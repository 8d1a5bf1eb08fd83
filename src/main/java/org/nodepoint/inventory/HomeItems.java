package org.nodepoint.inventory;

import java.util.List;

/**
 * The home page's inventory panel: the items that the viewer has checked out or asked for, and for
 * level 4 the number of requests that await approval (0 for everyone else).
 */
public record HomeItems(List<ItemSummary> held, long awaitingApproval) {
    public static final HomeItems NONE = new HomeItems(List.of(), 0);

    public boolean isEmpty() {
        return held.isEmpty() && awaitingApproval == 0;
    }
}
