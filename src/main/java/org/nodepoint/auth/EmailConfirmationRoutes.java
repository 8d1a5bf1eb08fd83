package org.nodepoint.auth;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.users.AccountMails;
import org.nodepoint.users.EmailConfirmations;
import org.nodepoint.users.User;
import org.nodepoint.users.UserService;
import org.nodepoint.users.Viewer;
import org.nodepoint.web.CurrentViewer;
import org.nodepoint.web.FeatureRoutes;
import org.nodepoint.web.Flash;
import org.nodepoint.web.Forms;
import org.nodepoint.web.Pages;
import org.nodepoint.web.Requires;

/**
 * The page that confirms an e-mail address with a mailed code. Opening the mailed link only shows
 * a button, because a GET changes nothing. A guest is asked to sign in first and then returns to
 * the same link.
 */
public final class EmailConfirmationRoutes implements FeatureRoutes {
    private final EmailConfirmations confirmations;
    private final UserService users;
    private final Pages pages;

    public EmailConfirmationRoutes(EmailConfirmations confirmations, UserService users, Pages pages) {
        this.confirmations = confirmations;
        this.users = users;
        this.pages = pages;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(AccountMails.CONFIRM_EMAIL_PATH, this::confirmForm, Requires.ANYONE);
        routes.post(AccountMails.CONFIRM_EMAIL_PATH, this::confirm, Requires.SIGNED_IN);
    }

    private void confirmForm(Context ctx) {
        String token = Objects.requireNonNullElse(ctx.queryParam("token"), "").strip();
        Viewer viewer = CurrentViewer.of(ctx);
        FieldErrors errors = new FieldErrors();
        if (viewer.isSignedIn() && !token.isEmpty()) {
            confirmations.problem(viewer, token).ifPresent(key -> errors.add("token", key));
        }
        render(ctx, token, errors.isEmpty() ? null : errors);
    }

    private void confirm(Context ctx) {
        String token = Forms.field(ctx, "token");
        Forms.onInvalid(ctx, errors -> render(ctx, token, errors));
        String email = confirmations.confirm(CurrentViewer.of(ctx), token);
        Flash.success(ctx, "account.confirm.done", email);
        ctx.redirect("/settings");
    }

    /** Renders the page with caching forbidden, because the page contains the code. */
    private void render(Context ctx, String token, FieldErrors errors) {
        ctx.header("Cache-Control", "no-store");
        Viewer viewer = CurrentViewer.of(ctx);
        User user = viewer.isSignedIn() ? users.findById(viewer.userId()).orElse(null) : null;
        boolean hideToken = !token.isEmpty() && (errors == null || !errors.has("token"));
        pages.render(ctx, "account/confirm_email.jte", new ConfirmEmailPage(pages.chrome(ctx), user, token, hideToken,
                signInPath(token), errors));
    }

    /** Returns the sign-in path that returns to this page with the same code. */
    private static String signInPath(String token) {
        String page = AccountMails.CONFIRM_EMAIL_PATH + (token.isEmpty() ? "" : "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        return "/login?next=" + URLEncoder.encode(page, StandardCharsets.UTF_8);
    }
}
