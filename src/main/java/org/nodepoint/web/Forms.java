package org.nodepoint.web;

import io.javalin.http.Context;
import java.util.function.Consumer;
import org.nodepoint.errors.FieldErrors;

/**
 * Lets a handler register how to show its form again when the service rejects the input, so that the
 * error handler can re-render it with field messages and status 422 without try/catch in handlers.
 */
public final class Forms {
    private static final String INVALID_VIEW = "np.invalidFormView";

    private Forms() {
    }

    public static void onInvalid(Context ctx, Consumer<FieldErrors> view) {
        ctx.attribute(INVALID_VIEW, view);
    }

    static Consumer<FieldErrors> invalidView(Context ctx) {
        return ctx.attribute(INVALID_VIEW);
    }

    /** Returns the trimmed form field, or "" when absent. */
    public static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }
}
