package org.nodepoint.tickets;

/** A ticket to file: the product, the release version text, and what the user typed. */
public record NewTicket(long productId, String release, String title, String description, String priority) {
}
