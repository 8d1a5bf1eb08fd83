package org.nodepoint.auth;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import org.nodepoint.users.User;
import org.nodepoint.web.WebApp;

/** Starts and ends the browser's session: the session row and its HttpOnly, SameSite=Lax cookie. */
final class SessionCookies {
    private SessionCookies() {
    }

    /** Ends the browser's current session, if any, and starts a new one for the user. */
    static void signIn(Context ctx, SessionService sessions, User user) {
        sessions.end(ctx.cookie(WebApp.SESSION_COOKIE));
        String token = sessions.start(user);
        ctx.cookie(cookie(ctx, token, -1));
    }

    /** Removes the session cookie from the browser; the caller ends the session rows. */
    static void clear(Context ctx) {
        ctx.cookie(cookie(ctx, "", 0));
    }

    private static Cookie cookie(Context ctx, String value, int maxAge) {
        return new Cookie(WebApp.SESSION_COOKIE, value, "/", maxAge, "https".equals(ctx.scheme()), true, null, SameSite.LAX);
    }
}
