package org.nodepoint.web;

import java.util.Set;
import org.nodepoint.config.Component;
import org.nodepoint.users.Level;
import org.nodepoint.users.Viewer;

/**
 * The frame around every page's content: site name, public notice, the viewer and their
 * navigation, the CSRF token for forms, a pending flash message, the site's appearance and the
 * components that are switched on, and whether the Tools menu offers custom forms, statistics and
 * reports (canViewReports: the viewer has the level of report_lvl).
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
        boolean allowRegistrations,
        Appearance appearance,
        Set<Component> components,
        boolean canManageForms,
        boolean canViewReports) {

    /** The path of the Bootstrap WebJar. Its version must match the one in pom.xml. */
    public static final String BOOTSTRAP = "/webjars/bootstrap/5.3.8";

    public boolean canFileTickets() {
        return hasComponent(Component.TICKETS) && (viewer.hasLevel(Level.AUTHORIZED) || (viewer.isGuest() && guestTickets));
    }

    public boolean hasComponent(Component component) {
        return components.contains(component);
    }

    public boolean isAdmin() {
        return viewer.hasLevel(Level.ADMIN);
    }

    /** True when the Tools menu's users management entry is shown. */
    public boolean canManageUsers() {
        return viewer.hasLevel(Level.USERS_MANAGEMENT);
    }

    /** True when the Tools menu is shown: it has at least one entry for this viewer. */
    public boolean hasTools() {
        return canManageUsers() || isAdmin() || showsCustomForms() || showsFiles() || canViewReports;
    }

    /** True when the Tools menu links to the Files page: the component is on and the viewer has level 1. */
    /** True when search has something to find: tickets, support articles or both. */
    public boolean showsSearch() {
        return hasComponent(Component.TICKETS) || hasComponent(Component.ARTICLES);
    }

    public boolean showsFiles() {
        return hasComponent(Component.FILES) && viewer.hasLevel(Level.AUTHORIZED);
    }

    /** True when the Tools menu links to the custom forms, which belong to the tickets component. */
    public boolean showsCustomForms() {
        return canManageForms && hasComponent(Component.TICKETS);
    }

    public boolean isActive(String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
