package org.nodepoint.web;

import org.nodepoint.users.Level;
import org.nodepoint.users.Viewer;

/**
 * The frame around every page's content: site name, public notice, the viewer and their
 * navigation, the CSRF token for forms and a pending flash message.
 */
public record Chrome(
        Text text,
        String siteName,
        String notice,
        Viewer viewer,
        String csrfToken,
        Flash flash,
        String path,
        boolean guestTickets,
        boolean allowRegistrations) {

    /** The path of the Bootstrap WebJar. Its version must match the one in pom.xml. */
    public static final String BOOTSTRAP = "/webjars/bootstrap/5.3.8";

    public boolean canFileTickets() {
        return viewer.hasLevel(Level.AUTHORIZED) || (viewer.isGuest() && guestTickets);
    }

    /** True when the Tools menu's users management entry is shown. */
    public boolean canManageUsers() {
        return viewer.hasLevel(Level.USERS_MANAGEMENT);
    }

    public boolean isActive(String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
