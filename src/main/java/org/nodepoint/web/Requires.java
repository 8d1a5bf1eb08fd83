package org.nodepoint.web;

import io.javalin.security.RouteRole;
import java.util.function.ToIntFunction;
import org.nodepoint.config.Settings;
import org.nodepoint.users.Level;

/**
 * The access rule of a route, given as its Javalin route role. Every route has exactly one; the
 * access check refuses a route that has none. A rule may read its level from the settings at each
 * request ({@code configuredLevel}), for the thresholds that administrators choose, such as
 * summary_lvl; {@code level} is then the minimum that no setting can lower.
 */
public record Requires(int level, boolean apiKey, ToIntFunction<Settings> configuredLevel) implements RouteRole {
    /** Anyone, guests included; the handler may still check objects (such as ticket visibility). */
    public static final Requires ANYONE = new Requires(Level.GUEST, false);
    public static final Requires SIGNED_IN = new Requires(Level.UNAUTHORIZED, false);
    /** The NodePoint 1.x JSON API, which authenticates each call by its key instead of a session. */
    public static final Requires API_KEY = new Requires(Level.GUEST, true);

    public Requires(int level, boolean apiKey) {
        this(level, apiKey, null);
    }

    public static Requires level(int level) {
        return new Requires(level, false);
    }

    /** Returns a rule for signed-in users whose level is at least the one that the settings name. */
    public static Requires configured(ToIntFunction<Settings> configuredLevel) {
        return new Requires(Level.UNAUTHORIZED, false, configuredLevel);
    }

    /** Returns the level this rule requires under the given settings. */
    public int requiredLevel(Settings settings) {
        return configuredLevel == null ? level : Math.max(level, configuredLevel.applyAsInt(settings));
    }
}
