package org.nodepoint.web;

import io.javalin.http.Context;
import org.nodepoint.users.Viewer;

/** The viewer of a request, stored on the request by the session filter. */
public final class CurrentViewer {
    private static final String VIEWER = "np.viewer";
    private static final String CSRF = "np.csrf";

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

    /** Returns the CSRF token of the signed-in session, or null for a guest. */
    static String sessionCsrfToken(Context ctx) {
        return ctx.attribute(CSRF);
    }
}
