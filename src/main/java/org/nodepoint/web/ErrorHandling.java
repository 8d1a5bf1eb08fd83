package org.nodepoint.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.ServletException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.jetty.http.BadMessageException;
import org.nodepoint.errors.ConflictException;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.errors.ForbiddenException;
import org.nodepoint.errors.NotFoundException;
import org.nodepoint.errors.TooLargeException;
import org.nodepoint.errors.UnavailableException;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.users.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns exceptions into responses: our typed exceptions into 403, 404, 409, 422 and 503 pages with
 * a safe message, anything else into a 500 whose stack trace is logged once under an error id that
 * the page shows.
 */
final class ErrorHandling {
    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    /** The shape of a message-bundle key, such as "error.notFound.page". */
    private static final String MESSAGE_KEY = "[a-zA-Z]+(\\.[a-zA-Z0-9]+)+";

    private final Pages pages;

    ErrorHandling(Pages pages) {
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.exception(NotFoundException.class, (e, ctx) -> show(ctx, 404, "error.notFound.title", e.getMessage()));
        routes.exception(ForbiddenException.class, (e, ctx) -> show(ctx, 403, "error.forbidden.title", e.getMessage()));
        routes.exception(ValidationException.class, (e, ctx) -> invalid(ctx, e.errors()));
        routes.exception(ConflictException.class,
                (e, ctx) -> invalid(ctx, new FieldErrors().add(e.field(), e.getMessage())));
        routes.exception(UnavailableException.class, (e, ctx) -> {
            ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
            show(ctx, 503, "error.unavailable.title", e.getMessage());
        });
        routes.exception(TooLargeException.class, (e, ctx) -> show(ctx, 413, "error.title", pages.text().plain(e.getMessage(), e.args())));
        routes.exception(HttpResponseException.class, (e, ctx) -> show(ctx, e.getStatus(), titleKey(e.getStatus()), messageKey(e)));
        routes.exception(ServletException.class, this::servletFailure);
        routes.exception(Exception.class, this::serverError);
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                show(ctx, 404, "error.notFound.title", "error.notFound.page");
            }
        });
    }

    private static String titleKey(int status) {
        return switch (status) {
            case 403 -> "error.forbidden.title";
            case 404 -> "error.notFound.title";
            default -> "error.title";
        };
    }

    /**
     * Returns the message key for a framework response. Our own code throws these with a bundle key;
     * Javalin's texts (such as "Endpoint GET /x not found") are replaced by ours.
     */
    private static String messageKey(HttpResponseException failure) {
        String message = failure.getMessage();
        if (message != null && message.matches(MESSAGE_KEY)) {
            return message;
        }
        return switch (failure.getStatus()) {
            case 400 -> "error.badRequest";
            case 404 -> "error.notFound.page";
            case 405 -> "error.methodNotAllowed";
            case 413 -> "error.tooLarge";
            default -> "error.generic";
        };
    }

    /** Sends a guest to the sign-in page (for a page view), and anyone else a 403. */
    void denyAccess(Context ctx, Viewer viewer, int requiredLevel) {
        if (viewer.isGuest() && HandlerType.GET.equals(ctx.method())) {
            String next = URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8);
            ctx.redirect("/login?next=" + next);
        } else {
            log.debug("Denied {} {} to user {}: needs level {}", ctx.method(), ctx.path(), viewer.userId(), requiredLevel);
            show(ctx, 403, "error.forbidden.title", "error.forbidden.level");
        }
        ctx.skipRemainingHandlers();
    }

    private void invalid(Context ctx, FieldErrors errors) {
        Consumer<FieldErrors> view = Forms.invalidView(ctx);
        if (view != null) {
            ctx.status(422);
            view.accept(errors);
            return;
        }
        Text text = pages.text();
        List<String> details = errors.asMap().values().stream().map(m -> text.plain(m.key(), m.args())).toList();
        render(ctx, 422, "error.invalid.title", "error.invalid.message", details, null);
    }

    /**
     * Responds to a body that Jetty could not parse, such as a malformed multipart form, with Jetty's
     * status (400 or 413) instead of a server error. Other servlet failures are server errors.
     */
    private void servletFailure(ServletException failure, Context ctx) {
        if (failure.getCause() instanceof BadMessageException badMessage) {
            log.debug("Rejected the body of {} {}: {}", ctx.method(), ctx.path(), badMessage.getMessage());
            int status = badMessage.getCode() == 413 ? 413 : 400;
            show(ctx, status, "error.title", status == 413 ? "error.tooLarge" : "error.badRequest");
            return;
        }
        serverError(failure, ctx);
    }

    private void serverError(Exception failure, Context ctx) {
        String errorId = UUID.randomUUID().toString().substring(0, 8);
        log.error("Request {} {} failed with error id {}", ctx.method(), ctx.path(), errorId, failure);
        render(ctx, 500, "error.server.title", "error.server.message", List.of(), errorId);
    }

    /** Shows a page whose message is a bundle key, or a literal text when it is not a key. */
    private void show(Context ctx, int status, String titleKey, String message) {
        render(ctx, status, titleKey, message, List.of(), null);
    }

    private void render(Context ctx, int status, String titleKey, String message, List<String> details, String errorId) {
        ctx.status(status);
        Text text = pages.text();
        String shown = message != null && message.matches(MESSAGE_KEY) ? text.plain(message) : message;
        pages.render(ctx, "error.jte", new ErrorPage(pages.chrome(ctx), status, titleKey, shown, details, errorId));
    }
}
