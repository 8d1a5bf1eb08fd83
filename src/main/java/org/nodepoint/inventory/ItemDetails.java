package org.nodepoint.inventory;

import java.util.List;

/**
 * An item as one viewer may see it, with its history, newest first. {@code item.info()} is "" unless
 * {@code infoVisible}; {@code expired} is true once the expiry day has passed in the site's time zone.
 */
public record ItemDetails(Item item, boolean infoVisible, boolean expired, List<ItemHistoryEntry> history) {
}
