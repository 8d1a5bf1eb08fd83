package org.nodepoint.auth;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Objects;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.users.AccountMails;
import org.nodepoint.users.PasswordResets;
import org.nodepoint.users.User;
import org.nodepoint.web.CurrentViewer;
import org.nodepoint.web.FeatureRoutes;
import org.nodepoint.web.Flash;
import org.nodepoint.web.Forms;
import org.nodepoint.web.Pages;
import org.nodepoint.web.Requires;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lost password: the form that requests a reset mail, and the form that sets a new password with
 * the mailed code. Both respond with 404 (not found) while mail is off or Active Directory is on.
 *
 * <p>A request always gets the same response, whether or not an account matched, it had a
 * confirmed address, or the request was over a limit. Requests pass a throttle of their own, with the sign-in
 * throttle's limits per name and client address within 15 minutes: 5 for one name from one
 * address, 20 from one address. Reset mails per account have a limit of their own in
 * {@link PasswordResets}.
 */
public final class PasswordResetRoutes implements FeatureRoutes {
    private static final Logger log = LoggerFactory.getLogger(PasswordResetRoutes.class);
    static final String LOST_PASSWORD_PATH = "/lost-password";

    private final PasswordResets resets;
    private final LoginThrottle requestLimit;
    private final Pages pages;

    public PasswordResetRoutes(PasswordResets resets, LoginThrottle requestLimit, Pages pages) {
        this.resets = resets;
        this.requestLimit = requestLimit;
        this.pages = pages;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(LOST_PASSWORD_PATH, this::requestForm, Requires.ANYONE);
        routes.post(LOST_PASSWORD_PATH, this::requestMail, Requires.ANYONE);
        routes.get(AccountMails.RESET_PASSWORD_PATH, this::resetForm, Requires.ANYONE);
        routes.post(AccountMails.RESET_PASSWORD_PATH, this::reset, Requires.ANYONE);
    }

    private void requestForm(Context ctx) {
        requireAvailable();
        pages.render(ctx, "auth/lost_password.jte", new LostPasswordPage(pages.chrome(ctx), "", null));
    }

    private void requestMail(Context ctx) {
        requireAvailable();
        String name = Forms.field(ctx, "name");
        Forms.onInvalid(ctx, errors -> pages.render(ctx, "auth/lost_password.jte", new LostPasswordPage(pages.chrome(ctx), name, errors)));
        if (name.isEmpty()) {
            throw ValidationException.of("name", "auth.lostPassword.nameMissing");
        }
        String address = ctx.req().getRemoteAddr();
        if (requestLimit.tryAttempt(name, address)) {
            resets.request(name);
        } else {
            log.warn("Lost password request throttled for address {}", address);
        }
        Flash.success(ctx, "auth.reset.requested", null);
        ctx.redirect(LOST_PASSWORD_PATH);
    }

    /** Shows the form with the code of a mailed link in a hidden field, or a field to type the code into. Changes nothing. */
    private void resetForm(Context ctx) {
        requireAvailable();
        String token = Objects.requireNonNullElse(ctx.queryParam("token"), "").strip();
        FieldErrors errors = new FieldErrors();
        if (!token.isEmpty()) {
            resets.problem(token).ifPresent(key -> errors.add("token", key));
        }
        renderResetForm(ctx, token, errors.isEmpty() ? null : errors);
    }

    private void reset(Context ctx) {
        requireAvailable();
        String token = Forms.field(ctx, "token");
        Forms.onInvalid(ctx, errors -> renderResetForm(ctx, token, errors));
        User user = resets.reset(token, ctx.formParam("password"), ctx.formParam("password2"));
        if (Objects.equals(CurrentViewer.of(ctx).userId(), user.id())) {
            SessionCookies.clear(ctx);
        }
        Flash.success(ctx, "auth.reset.done", user.name());
        ctx.redirect("/login");
    }

    /** Renders the form with caching forbidden, because the page contains the code. */
    private void renderResetForm(Context ctx, String token, FieldErrors errors) {
        ctx.header("Cache-Control", "no-store");
        boolean hideToken = !token.isEmpty() && (errors == null || !errors.has("token"));
        pages.render(ctx, "auth/reset_password.jte", new ResetPasswordPage(pages.chrome(ctx), token, hideToken, errors));
    }

    private void requireAvailable() {
        if (!resets.isAvailable()) {
            throw new NotFoundResponse("auth.lostPassword.unavailable");
        }
    }
}
