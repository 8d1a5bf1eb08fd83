package org.nodepoint.inventory;

import java.util.List;

/** One page of items and the number of items that match the filters in all. */
public record ItemList(List<ItemSummary> rows, long total) {
}
