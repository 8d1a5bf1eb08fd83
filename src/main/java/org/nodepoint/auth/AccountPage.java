package org.nodepoint.auth;

import org.nodepoint.errors.FieldErrors;
import org.nodepoint.users.User;
import org.nodepoint.web.Chrome;

/** The own settings page, with the e-mail address as stored or as just typed, and the e-mail form's errors. */
public record AccountPage(Chrome chrome, User user, String email, FieldErrors emailErrors) {
}
