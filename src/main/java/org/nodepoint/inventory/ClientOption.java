package org.nodepoint.inventory;

/** A client that an item may belong to, as the item form lists it. */
public record ClientOption(long id, String name) {
}
