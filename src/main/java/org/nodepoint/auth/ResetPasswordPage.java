package org.nodepoint.auth;

import org.nodepoint.errors.FieldErrors;
import org.nodepoint.web.Chrome;

/** The form that sets a new password with a mailed code; {@code hideToken} when the code came in a valid link. */
public record ResetPasswordPage(Chrome chrome, String token, boolean hideToken, FieldErrors errors) {
}
