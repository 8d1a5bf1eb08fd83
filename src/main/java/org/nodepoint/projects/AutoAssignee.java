package org.nodepoint.projects;

/**
 * A user on a product's auto-assignment list. {@code active} is false for a user who is disabled
 * or below level 3 now, whom filing leaves out until that changes.
 */
public record AutoAssignee(long userId, String name, boolean active) {
}
