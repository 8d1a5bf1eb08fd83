package org.nodepoint.users;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.nodepoint.config.Settings;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.web.CurrentViewer;
import org.nodepoint.web.FeatureRoutes;
import org.nodepoint.web.Flash;
import org.nodepoint.web.Forms;
import org.nodepoint.web.Pages;
import org.nodepoint.web.Paging;
import org.nodepoint.web.PathIds;
import org.nodepoint.web.Requires;

/** Users management: the user list, new accounts, user summaries and what managers change on them. */
public final class UserRoutes implements FeatureRoutes {
    private static final Requires MANAGER = Requires.level(Level.USERS_MANAGEMENT);

    private final UserManagementService management;
    private final SettingsStore settings;
    private final Pages pages;

    public UserRoutes(UserManagementService management, SettingsStore settings, Pages pages) {
        this.management = management;
        this.settings = settings;
        this.pages = pages;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/users", this::list, MANAGER);
        routes.post("/users", this::create, MANAGER);
        routes.get("/users/{name}", this::show, Requires.configured(Settings::userDetailsLevel));
        routes.post("/users/{name}/level", this::changeLevel, MANAGER);
        routes.post("/users/{name}/password", this::resetPassword, MANAGER);
        routes.post("/users/{name}/disable", ctx -> setDisabled(ctx, true), MANAGER);
        routes.post("/users/{name}/enable", ctx -> setDisabled(ctx, false), MANAGER);
    }

    /** Returns the path of a user's summary page, with the name percent-encoded. */
    public static String summaryPath(String name) {
        return "/users/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void list(Context ctx) {
        renderList(ctx, new NewUser("", "", settings.current().defaultLevel(), null, null), null);
    }

    private void create(Context ctx) {
        NewUser form = new NewUser(Forms.field(ctx, "name"), Forms.field(ctx, "email"), parseLevel(ctx.formParam("level")),
                ctx.formParam("password"), ctx.formParam("password2"));
        Forms.onInvalid(ctx, errors -> renderList(ctx, form, errors));
        User user = management.create(CurrentViewer.of(ctx), form);
        Flash.success(ctx, "users.created", user.name());
        ctx.redirect(summaryPath(user.name()));
    }

    private void show(Context ctx) {
        renderSummary(ctx, ctx.pathParam("name"), null);
    }

    private void changeLevel(Context ctx) {
        String name = ctx.pathParam("name");
        Forms.onInvalid(ctx, errors -> renderSummary(ctx, name, errors));
        User user = management.changeLevel(CurrentViewer.of(ctx), name, parseLevel(ctx.formParam("level")));
        Flash.success(ctx, "users.level.changed", user.name());
        ctx.redirect(summaryPath(user.name()));
    }

    /**
     * Shows the new password on the response to the POST itself, never in a redirect or a flash
     * cookie. Cache-Control: no-store keeps browsers and proxies from storing the page.
     */
    private void resetPassword(Context ctx) {
        String name = ctx.pathParam("name");
        String password = management.resetPassword(CurrentViewer.of(ctx), name);
        ctx.header("Cache-Control", "no-store");
        pages.render(ctx, "users/password_reset.jte", new PasswordResetPage(pages.chrome(ctx), management.summary(name).user(), password));
    }

    private void setDisabled(Context ctx, boolean disabled) {
        User user = management.setDisabled(CurrentViewer.of(ctx), ctx.pathParam("name"), disabled);
        Flash.success(ctx, disabled ? "users.disabled" : "users.enabled", user.name());
        ctx.redirect(summaryPath(user.name()));
    }

    private void renderList(Context ctx, NewUser form, FieldErrors errors) {
        Viewer viewer = CurrentViewer.of(ctx);
        Integer level = levelFilter(ctx.queryParam("level"));
        int pageSize = settings.current().pageLength();
        int page = Paging.parsePage(ctx.queryParam("page"));
        UserList users = management.list(level, (long) (page - 1) * pageSize, pageSize);
        Paging paging = new Paging(page, pageSize, users.total(), level == null ? "" : "level=" + level);
        pages.render(ctx, "users/list.jte", new UserListPage(pages.chrome(ctx), users.rows(), paging, level,
                management.maxGrantableLevel(viewer), form, errors));
    }

    private void renderSummary(Context ctx, String name, FieldErrors errors) {
        Viewer viewer = CurrentViewer.of(ctx);
        UserSummary summary = management.summary(name);
        pages.render(ctx, "users/summary.jte", new UserSummaryPage(pages.chrome(ctx), summary,
                management.canManage(viewer, summary.user()), management.maxGrantableLevel(viewer), errors));
    }

    /** Reads the list's level filter; anything but a level from 0 to 5 shows every level. */
    private static Integer levelFilter(String text) {
        Long level = PathIds.parseNumber(text);
        return level != null && level <= Level.USERS_MANAGEMENT ? level.intValue() : null;
    }

    /** Reads a level from a form; anything that is not a number becomes -1, which the service rejects by name. */
    private static int parseLevel(String text) {
        Long level = PathIds.parseNumber(text);
        return level == null || level > Level.ADMIN ? -1 : level.intValue();
    }
}
