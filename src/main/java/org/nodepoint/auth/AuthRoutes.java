package org.nodepoint.auth;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.directory.SignInCheck;
import org.nodepoint.users.EmailConfirmations;
import org.nodepoint.users.PasswordResets;
import org.nodepoint.users.Registration;
import org.nodepoint.users.User;
import org.nodepoint.users.UserService;
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
 * Sign-in, sign-out and self-registration. Registrations pass a throttle per client address, and
 * {@link EmailConfirmations} limits the confirmation mails per account and per address. While a
 * directory or the authentication command checks passwords, registration is closed.
 */
public final class AuthRoutes implements FeatureRoutes {
    private static final Logger log = LoggerFactory.getLogger(AuthRoutes.class);
    private static final String SIGN_IN_PAGE = "on the sign-in page";

    private final UserService users;
    private final SignInCheck signInCheck;
    private final SessionService sessions;
    private final LoginThrottle throttle;
    private final RegistrationThrottle registrationThrottle;
    private final SignInLog signInLog;
    private final SettingsStore settings;
    private final Pages pages;
    private final PasswordResets resets;

    public AuthRoutes(UserService users, SignInCheck signInCheck, SessionService sessions, LoginThrottle throttle, RegistrationThrottle registrationThrottle,
            SignInLog signInLog, SettingsStore settings, Pages pages, PasswordResets resets) {
        this.users = users;
        this.signInCheck = signInCheck;
        this.sessions = sessions;
        this.throttle = throttle;
        this.registrationThrottle = registrationThrottle;
        this.signInLog = signInLog;
        this.settings = settings;
        this.pages = pages;
        this.resets = resets;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/login", this::loginForm, Requires.ANYONE);
        routes.post("/login", this::login, Requires.ANYONE);
        routes.post("/logout", this::logout, Requires.SIGNED_IN);
        routes.get("/register", this::registerForm, Requires.ANYONE);
        routes.post("/register", this::registerAccount, Requires.ANYONE);
    }

    private void loginForm(Context ctx) {
        if (CurrentViewer.of(ctx).isSignedIn()) {
            ctx.redirect(safeNext(ctx.queryParam("next")));
            return;
        }
        renderLogin(ctx, "", safeNext(ctx.queryParam("next")), null);
    }

    private void login(Context ctx) {
        String name = Forms.field(ctx, "name");
        String next = safeNext(ctx.formParam("next"));
        String address = ctx.req().getRemoteAddr();
        if (!throttle.tryAttempt(name, address)) {
            log.warn("Sign-in throttled for address {}", address);
            signInLog.throttled(name, address, SIGN_IN_PAGE);
            ctx.status(429);
            renderLogin(ctx, name, next, "auth.login.throttled");
            return;
        }
        SignInCheck.Result result = signInCheck.signIn(name, ctx.formParam("password"));
        if (result.unavailable()) {
            // No password was checked, so the attempt does not count as a guess.
            throttle.giveBack(name, address);
            ctx.status(503);
            renderLogin(ctx, name, next, "auth.login.unavailable");
            return;
        }
        var user = result.user();
        if (user.isEmpty()) {
            log.info("Failed sign-in from address {}", address);
            signInLog.failed(name, address, SIGN_IN_PAGE);
            ctx.status(401);
            renderLogin(ctx, name, next, "auth.login.invalid");
            return;
        }
        throttle.recordSuccess(name, address);
        signIn(ctx, user.get());
        ctx.redirect(next);
    }

    private void logout(Context ctx) {
        sessions.end(ctx.cookie(WebApp.SESSION_COOKIE));
        SessionCookies.clear(ctx);
        ctx.redirect("/");
    }

    private void registerForm(Context ctx) {
        requireRegistrationsOpen();
        pages.render(ctx, "auth/register.jte", new RegisterPage(pages.chrome(ctx), "", "", null, null));
    }

    private void registerAccount(Context ctx) {
        requireRegistrationsOpen();
        String name = Forms.field(ctx, "name");
        String email = Forms.field(ctx, "email");
        String address = ctx.req().getRemoteAddr();
        if (!registrationThrottle.tryRegister(address)) {
            log.warn("Registration throttled for address {}", address);
            ctx.status(429);
            pages.render(ctx, "auth/register.jte", new RegisterPage(pages.chrome(ctx), name, email, null, "auth.register.throttled"));
            return;
        }
        Forms.onInvalid(ctx, errors -> {
            registrationThrottle.giveBack(address);
            pages.render(ctx, "auth/register.jte", new RegisterPage(pages.chrome(ctx), name, email, errors, null));
        });
        Registration registration = users.registerAccount(name, ctx.formParam("password"), ctx.formParam("password2"), email);
        User user = registration.user();
        signIn(ctx, user);
        Flash.success(ctx, registeredMessage(registration.confirmation()), user.name());
        ctx.redirect("/");
    }

    private static String registeredMessage(EmailConfirmations.Outcome confirmation) {
        return switch (confirmation) {
            case SENT -> "auth.register.mailed";
            case LIMITED, ADDRESS_LIMITED -> "auth.register.limited";
            case MAIL_OFF, NOT_NEEDED -> "auth.register.done";
        };
    }

    private void requireRegistrationsOpen() {
        if (settings.current().externalSignIn()) {
            throw new NotFoundResponse("auth.register.external");
        }
        if (!settings.current().allowRegistrations()) {
            throw new NotFoundResponse("auth.register.closed");
        }
    }

    private void renderLogin(Context ctx, String name, String next, String errorKey) {
        pages.render(ctx, "auth/login.jte", new LoginPage(pages.chrome(ctx), name, next, errorKey, resets.isAvailable()));
    }

    private void signIn(Context ctx, User user) {
        SessionCookies.signIn(ctx, sessions, user);
        log.info("User {} signed in", user.id());
    }

    /**
     * Accepts only a local path as the place to return to, so that sign-in cannot redirect off site.
     * Control characters are refused as well: browsers drop tabs and line breaks from a Location
     * URL, which turns "/\t/evil.example" into the off-site "//evil.example".
     */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.chars().anyMatch(Character::isISOControl)) {
            return "/";
        }
        return encodeNonAscii(next);
    }

    /** Percent-encodes spaces and non-ASCII characters as UTF-8, which a Location header cannot carry raw. */
    private static String encodeNonAscii(String path) {
        StringBuilder encoded = new StringBuilder();
        path.codePoints().forEach(codePoint -> {
            if (codePoint > ' ' && codePoint < 0x7F) {
                encoded.appendCodePoint(codePoint);
            } else {
                for (byte b : new String(Character.toChars(codePoint)).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    encoded.append('%').append(String.format("%02X", b & 0xFF));
                }
            }
        });
        return encoded.toString();
    }
}
