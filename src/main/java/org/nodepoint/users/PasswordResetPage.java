package org.nodepoint.users;

import org.nodepoint.web.Chrome;

/** The one page that shows a reset password, in the response to the reset itself. */
public record PasswordResetPage(Chrome chrome, User user, String temporaryPassword) {
}
