package org.nodepoint.auth;

import org.nodepoint.errors.FieldErrors;
import org.nodepoint.users.User;
import org.nodepoint.web.Chrome;

/** The password change form; {@code required} when a reset obliges the user to change it before anything else. */
public record PasswordPage(Chrome chrome, User user, boolean required, FieldErrors errors) {
}
