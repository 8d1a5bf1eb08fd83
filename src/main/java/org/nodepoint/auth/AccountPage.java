package org.nodepoint.auth;

import org.nodepoint.errors.FieldErrors;
import org.nodepoint.tickets.Hours;
import org.nodepoint.users.User;
import org.nodepoint.web.Chrome;

/**
 * The own settings page, with the e-mail address as stored or as just typed, the e-mail form's
 * errors, and the total time the user recorded on tickets (null when not shown).
 */
public record AccountPage(Chrome chrome, User user, String email, FieldErrors emailErrors, Hours timeSpent) {
}
