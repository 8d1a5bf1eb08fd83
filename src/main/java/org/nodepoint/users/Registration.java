package org.nodepoint.users;

/** A new local account and what became of the confirmation mail for its address. */
public record Registration(User user, EmailConfirmations.Outcome confirmation) {
}
