package org.nodepoint.web;

import io.javalin.http.Context;
import org.nodepoint.errors.NotFoundException;

/** Reads numeric ids from the path; anything that is not a positive number is a 404, never a 500. */
public final class PathIds {
    private PathIds() {
    }

    public static long of(Context ctx, String name) {
        String text = ctx.pathParam(name);
        // Only ASCII digits without a leading zero, so that each ticket has one URL ("01" and "١" are not ids).
        if (text.isEmpty() || text.length() > 18 || text.charAt(0) == '0' || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NotFoundException("error.notFound.page");
        }
        long id = Long.parseLong(text);
        if (id <= 0) {
            throw new NotFoundException("error.notFound.page");
        }
        return id;
    }
}
