package org.nodepoint.users;

/** A user with what they have done, for the user summary page. */
public record UserSummary(User user, UserActivity activity) {
}
