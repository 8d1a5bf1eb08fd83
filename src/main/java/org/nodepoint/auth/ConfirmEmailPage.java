package org.nodepoint.auth;

import org.nodepoint.errors.FieldErrors;
import org.nodepoint.users.User;
import org.nodepoint.web.Chrome;

/**
 * The e-mail confirmation page. {@code user} is null for a guest, who is shown a link to
 * {@code signInPath} instead of the form. {@code hideToken} is true when the code came in a link and is valid.
 */
public record ConfirmEmailPage(Chrome chrome, User user, String token, boolean hideToken, String signInPath, FieldErrors errors) {
}
