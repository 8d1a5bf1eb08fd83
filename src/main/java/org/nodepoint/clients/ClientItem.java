package org.nodepoint.clients;

/** An inventory item linked to a client, as the client page lists it. {@code serial} is null when the item has none. */
public record ClientItem(long id, String name, String type, String serial, String status) {
}
