package org.nodepoint.web;

import io.javalin.http.Context;
import org.nodepoint.users.Viewer;

/** The viewer of a request, stored on the request by the session filter. */
public final class CurrentViewer {
    private static final String VIEWER = "np.viewer";
    private static final String CSRF = "np.csrf";
    private static final String MUST_CHANGE_PASSWORD = "np.mustChangePassword";

    private CurrentViewer() {
    }

    public static Viewer of(Context ctx) {
        Viewer viewer = ctx.attribute(VIEWER);
        return viewer == null ? Viewer.guest() : viewer;
    }

    static void set(Context ctx, Viewer viewer, String csrfToken) {
        ctx.attribute(VIEWER, viewer);
        ctx.attribute(CSRF, csrfToken);
    }

    static void requirePasswordChange(Context ctx) {
        ctx.attribute(MUST_CHANGE_PASSWORD, Boolean.TRUE);
    }

    /** True while the signed-in user must choose a new password before using other pages. */
    public static boolean mustChangePassword(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(MUST_CHANGE_PASSWORD));
    }

    /** Returns the CSRF token of the signed-in session, or null for a guest. */
    static String sessionCsrfToken(Context ctx) {
        return ctx.attribute(CSRF);
    }
}
