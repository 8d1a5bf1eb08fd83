package org.nodepoint.web;

import io.javalin.security.RouteRole;
import org.nodepoint.users.Level;

/**
 * The access rule of a route, given as its Javalin route role. Every route has exactly one; the
 * access check refuses a route that has none.
 */
public record Requires(int level, boolean apiKey) implements RouteRole {
    /** Anyone, guests included; the handler may still check objects (such as ticket visibility). */
    public static final Requires ANYONE = new Requires(Level.GUEST, false);
    public static final Requires SIGNED_IN = new Requires(Level.UNAUTHORIZED, false);
    /** The NodePoint 1.x JSON API, which authenticates each call by its key instead of a session. */
    public static final Requires API_KEY = new Requires(Level.GUEST, true);

    public static Requires level(int level) {
        return new Requires(level, false);
    }
}
