package org.nodepoint.stats;

/** One account in the user filter of the statistics page. */
public record UserOption(long id, String name) {
}
