package org.nodepoint.web;

import io.javalin.http.Context;
import org.nodepoint.errors.NotFoundException;

/** Reads numeric ids from the path; anything that is not a positive number is a 404, never a 500. */
public final class PathIds {
    private PathIds() {
    }

    public static long of(Context ctx, String name) {
        String text = ctx.pathParam(name);
        Long id = parseNumber(text);
        // A leading zero is rejected too, so that each ticket has one URL ("01" is not an id).
        if (id == null || id <= 0 || text.charAt(0) == '0') {
            throw new NotFoundException("error.notFound.page");
        }
        return id;
    }

    /**
     * Parses a number of ASCII digits (at most 18, so it fits a long), or returns null for anything
     * else; other scripts' digits such as "١" are not numbers here.
     */
    public static Long parseNumber(String text) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty() || clean.length() > 18 || !clean.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.parseLong(clean);
    }
}
