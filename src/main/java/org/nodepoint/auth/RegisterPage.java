package org.nodepoint.auth;

import org.nodepoint.errors.FieldErrors;
import org.nodepoint.web.Chrome;

/** The registration form; {@code errorKey} is a message about the whole form, such as the throttle's, or null. */
public record RegisterPage(Chrome chrome, String name, String email, FieldErrors errors, String errorKey) {
}
