package org.nodepoint.inventory;

import org.nodepoint.users.Level;
import org.nodepoint.users.Viewer;

/**
 * The actions that an item's page offers one viewer in the item's present state. The services check
 * the same rules again when an action arrives, since the state may have changed since the page loaded.
 */
public record ItemActions(boolean checkOut, boolean withdraw, boolean returnItem, boolean manage, boolean decide, boolean assign,
        boolean makeAvailable, boolean makeUnavailable, boolean delete) {

    static ItemActions of(Viewer viewer, ItemDetails details) {
        Item item = details.item();
        ItemStatus status = item.state();
        boolean manager = viewer.hasLevel(ItemService.MANAGER_LEVEL);
        boolean own = item.isHeldBy(viewer.userId());
        boolean takeable = status == ItemStatus.AVAILABLE && !details.expired();
        return new ItemActions(
                takeable && viewer.hasLevel(Level.AUTHORIZED),
                status == ItemStatus.WAITING && own,
                status == ItemStatus.CHECKED_OUT && (own || manager),
                manager,
                status == ItemStatus.WAITING && manager,
                takeable && manager,
                status == ItemStatus.UNAVAILABLE && manager,
                status == ItemStatus.AVAILABLE && manager,
                !status.isHeld() && manager);
    }
}
