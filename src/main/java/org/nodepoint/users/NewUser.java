package org.nodepoint.users;

/** The fields of a new local account as typed into a form; {@code passwordAgain} is null where the form takes the password once. */
public record NewUser(String name, String email, int level, String password, String passwordAgain) {
}
