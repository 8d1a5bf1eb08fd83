package org.nodepoint.users;

/** A user's id and name, for lists of people and for the options of a user select. */
public record UserRef(long id, String name) {
}
