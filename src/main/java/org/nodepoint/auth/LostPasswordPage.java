package org.nodepoint.auth;

import org.nodepoint.errors.FieldErrors;
import org.nodepoint.web.Chrome;

/** The lost password form, with the user name or e-mail address as typed. */
public record LostPasswordPage(Chrome chrome, String name, FieldErrors errors) {
}
