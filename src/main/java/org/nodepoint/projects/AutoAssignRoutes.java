package org.nodepoint.projects;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.events.Origin;
import org.nodepoint.users.Level;
import org.nodepoint.web.CurrentViewer;
import org.nodepoint.web.FeatureRoutes;
import org.nodepoint.web.Flash;
import org.nodepoint.web.Forms;
import org.nodepoint.web.PathIds;
import org.nodepoint.web.Requires;

/** Joining and leaving the auto-assignment list of a product, from the product page. */
public final class AutoAssignRoutes implements FeatureRoutes {
    private final AutoAssignees autoAssignees;

    public AutoAssignRoutes(AutoAssignees autoAssignees) {
        this.autoAssignees = autoAssignees;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/projects/{id}/auto-assign", this::add, Requires.level(Level.TICKETS_MANAGEMENT));
        routes.post("/projects/{id}/auto-assign/remove", this::remove, Requires.level(Level.TICKETS_MANAGEMENT));
    }

    /** Adds the user of the userId field, or the viewer when the field is empty. */
    private void add(Context ctx) {
        long id = PathIds.of(ctx, "id");
        String field = Forms.field(ctx, AutoAssignees.USER_FIELD);
        Long userId = field.isEmpty() ? null : parseUserId(field);
        AutoAssignees.Change change = autoAssignees.add(CurrentViewer.of(ctx), id, userId, Origin.WEB);
        Flash.success(ctx, change.changed() ? "autoAssign.added" : "autoAssign.already", change.user().name());
        ctx.redirect("/projects/" + id + "#auto-assign");
    }

    private void remove(Context ctx) {
        long id = PathIds.of(ctx, "id");
        long userId = parseUserId(Forms.field(ctx, AutoAssignees.USER_FIELD));
        AutoAssignees.Change change = autoAssignees.remove(CurrentViewer.of(ctx), id, userId, Origin.WEB);
        Flash.success(ctx, change.changed() ? "autoAssign.removed" : "autoAssign.notListed", change.user().name());
        ctx.redirect("/projects/" + id + "#auto-assign");
    }

    private static long parseUserId(String text) {
        Long userId = PathIds.parseNumber(text);
        if (userId == null) {
            throw ValidationException.of(AutoAssignees.USER_FIELD, "autoAssign.user.missing");
        }
        return userId;
    }
}
