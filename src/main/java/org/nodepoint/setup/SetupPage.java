package org.nodepoint.setup;

import org.nodepoint.errors.FieldErrors;
import org.nodepoint.web.Chrome;

public record SetupPage(Chrome chrome, SetupForm form, FieldErrors errors, boolean fromLoopback) {
}
