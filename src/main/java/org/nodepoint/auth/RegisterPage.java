package org.nodepoint.auth;

import org.nodepoint.errors.FieldErrors;
import org.nodepoint.web.Chrome;

public record RegisterPage(Chrome chrome, String name, String email, FieldErrors errors) {
}
