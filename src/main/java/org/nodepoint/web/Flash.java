package org.nodepoint.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A one-time message shown on the page after a redirect. The cookie carries only a message key and
 * one short argument, never HTML, and the key must match the bundle's key syntax.
 */
public record Flash(String kind, String key, String arg) {
    private static final String COOKIE = "np_flash";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.]{1,80}");
    private static final int MAX_ARG_LENGTH = 200;

    public static void success(Context ctx, String key, Object arg) {
        set(ctx, "success", key, arg);
    }

    public static void error(Context ctx, String key, Object arg) {
        set(ctx, "danger", key, arg);
    }

    private static void set(Context ctx, String kind, String key, Object arg) {
        String argument = arg == null ? "" : String.valueOf(arg);
        if (argument.length() > MAX_ARG_LENGTH) {
            argument = argument.substring(0, MAX_ARG_LENGTH);
        }
        String value = URLEncoder.encode(kind + "|" + key + "|" + argument, StandardCharsets.UTF_8);
        ctx.cookie(cookie(ctx, value, -1));
    }

    /** Reads and clears the pending message, if any. */
    public static Optional<Flash> take(Context ctx) {
        String raw = ctx.cookie(COOKIE);
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        ctx.cookie(cookie(ctx, "", 0));
        String decoded;
        try {
            decoded = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // Only a client that edited the cookie sends a bad escape; the message is dropped as if absent.
            return Optional.empty();
        }
        String[] parts = decoded.split("\\|", 3);
        if (parts.length != 3 || !(parts[0].equals("success") || parts[0].equals("danger")) || !KEY.matcher(parts[1]).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Flash(parts[0], parts[1], parts[2]));
    }

    private static Cookie cookie(Context ctx, String value, int maxAge) {
        return new Cookie(COOKIE, value, "/", maxAge, "https".equals(ctx.scheme()), true, null, SameSite.LAX);
    }
}
