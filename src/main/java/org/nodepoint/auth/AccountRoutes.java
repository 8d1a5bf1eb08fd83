package org.nodepoint.auth;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.nodepoint.config.Component;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.tickets.Hours;
import org.nodepoint.tickets.TimeTracking;
import org.nodepoint.users.Level;
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
import org.nodepoint.web.WebApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signed-in user's own settings: password, e-mail address and signing out everywhere.
 *
 * <p>A password change ends every session of the user and starts a new one for this browser, so
 * the user stays signed in here while a copy of any earlier session cookie, this browser's
 * included, stops working. The current password is checked under the sign-in throttle, so a
 * stolen session cannot be used to guess it at speed.
 */
public final class AccountRoutes implements FeatureRoutes {
    private static final Logger log = LoggerFactory.getLogger(AccountRoutes.class);

    private final UserService users;
    private final SessionService sessions;
    private final LoginThrottle throttle;
    private final TimeTracking time;
    private final SettingsStore settings;
    private final Pages pages;

    public AccountRoutes(UserService users, SessionService sessions, LoginThrottle throttle, TimeTracking time, SettingsStore settings,
            Pages pages) {
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
        this.time = time;
        this.settings = settings;
        this.pages = pages;
    }

    // TODO: while a directory or the authentication command checks passwords, an account without a
    // local password cannot change its e-mail address, because UserService.changeOwnEmail checks the
    // local hash. Checking the current password through SignInCheck would remove this gap.
    @Override
    public void register(RoutesConfig routes) {
        routes.get("/settings", this::show, Requires.SIGNED_IN);
        routes.get(WebApp.PASSWORD_CHANGE_PATH, this::passwordForm, Requires.SIGNED_IN);
        routes.post(WebApp.PASSWORD_CHANGE_PATH, this::changePassword, Requires.SIGNED_IN);
        routes.post("/settings/email", this::changeEmail, Requires.SIGNED_IN);
        routes.post("/settings/sessions/end", this::signOutEverywhere, Requires.SIGNED_IN);
    }

    private void show(Context ctx) {
        renderSettings(ctx, null, null);
    }

    private void passwordForm(Context ctx) {
        users.ownPasswordAccount(CurrentViewer.of(ctx));
        renderPasswordForm(ctx, null);
    }

    private void changePassword(Context ctx) {
        Viewer viewer = CurrentViewer.of(ctx);
        String address = ctx.req().getRemoteAddr();
        Forms.onInvalid(ctx, errors -> {
            giveBackUnlessWrongPassword(viewer, address, errors);
            renderPasswordForm(ctx, errors);
        });
        requireAttemptAllowed(viewer, address);
        User user = users.changeOwnPassword(viewer, ctx.formParam("current"), ctx.formParam("password"), ctx.formParam("password2"));
        throttle.recordSuccess(viewer.name(), address);
        SessionCookies.signIn(ctx, sessions, user);
        Flash.success(ctx, "account.password.changed", null);
        ctx.redirect("/settings");
    }

    private void changeEmail(Context ctx) {
        Viewer viewer = CurrentViewer.of(ctx);
        String address = ctx.req().getRemoteAddr();
        String email = Forms.field(ctx, "email");
        Forms.onInvalid(ctx, errors -> {
            giveBackUnlessWrongPassword(viewer, address, errors);
            renderSettings(ctx, email, errors);
        });
        requireAttemptAllowed(viewer, address);
        EmailConfirmations.Outcome confirmation = users.changeOwnEmail(viewer, ctx.formParam("current"), email);
        throttle.recordSuccess(viewer.name(), address);
        Flash.success(ctx, emailChangeMessage(email, confirmation), email);
        ctx.redirect("/settings");
    }

    private static String emailChangeMessage(String email, EmailConfirmations.Outcome confirmation) {
        if (email.isEmpty()) {
            return "account.email.removed";
        }
        return switch (confirmation) {
            case SENT -> "account.email.mailed";
            case LIMITED -> "account.email.limited";
            case ADDRESS_LIMITED -> "account.email.limited.address";
            case MAIL_OFF -> "account.email.changed";
            case NOT_NEEDED -> "account.email.unchanged";
        };
    }

    private void signOutEverywhere(Context ctx) {
        Viewer viewer = CurrentViewer.of(ctx);
        // The demonstration account's sessions belong to other visitors too, so it may not end them all.
        users.ownAccount(viewer);
        int ended = sessions.endAll(viewer.userId());
        SessionCookies.clear(ctx);
        log.info("User {} signed out everywhere, ending {} sessions", viewer.userId(), ended);
        Flash.success(ctx, "account.sessions.ended", null);
        ctx.redirect("/login");
    }

    /** Rejects the demonstration account before counting a password attempt, then counts one. */
    private void requireAttemptAllowed(Viewer viewer, String address) {
        users.ownAccount(viewer);
        if (!throttle.tryAttempt(viewer.name(), address)) {
            log.warn("Password check throttled for user {} from address {}", viewer.userId(), address);
            throw ValidationException.of("current", "auth.login.throttled");
        }
    }

    /** A request rejected for other fields used a correct password, which must not count as a guess. */
    private void giveBackUnlessWrongPassword(Viewer viewer, String address, FieldErrors errors) {
        if (!errors.has("current")) {
            throttle.giveBack(viewer.name(), address);
        }
    }

    private void renderSettings(Context ctx, String typedEmail, FieldErrors emailErrors) {
        User user = currentUser(ctx);
        String email = typedEmail == null ? user.email() : typedEmail;
        pages.render(ctx, "account/settings.jte", new AccountPage(pages.chrome(ctx), user, email, emailErrors, timeSpent(user)));
    }

    /** Returns the user's total recorded time, or null when time tracking is off or the user is below level 3. */
    private Hours timeSpent(User user) {
        boolean visible = settings.current().isEnabled(Component.TIME_TRACKING) && user.level() >= Level.TICKETS_MANAGEMENT;
        return visible ? time.totalByUser(user.id()) : null;
    }

    private void renderPasswordForm(Context ctx, FieldErrors errors) {
        pages.render(ctx, "account/password.jte", new PasswordPage(pages.chrome(ctx), currentUser(ctx),
                CurrentViewer.mustChangePassword(ctx), errors));
    }

    private User currentUser(Context ctx) {
        return users.findById(CurrentViewer.of(ctx).userId()).orElseThrow();
    }
}
