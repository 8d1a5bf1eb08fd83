package org.nodepoint.users;

/** A user's activity counts for the summary page: tickets filed, active tickets assigned, comments written. */
public record UserActivity(long ticketsCreated, long activeAssigned, long comments) {
}
