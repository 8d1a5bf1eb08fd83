package org.nodepoint.auth;

import org.nodepoint.web.Chrome;

public record LoginPage(Chrome chrome, String name, String next, String errorKey) {
}
