package org.nodepoint.stats;

/** The number of tickets that have one status. */
public record StatusCount(String status, long tickets) {
}
