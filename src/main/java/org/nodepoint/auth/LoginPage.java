package org.nodepoint.auth;

import org.nodepoint.web.Chrome;

/** The sign-in form; {@code lostPassword} shows the link to the lost password form. */
public record LoginPage(Chrome chrome, String name, String next, String errorKey, boolean lostPassword) {
}
