package org.nodepoint.tickets;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.nodepoint.config.Component;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.events.Origin;
import org.nodepoint.users.Level;
import org.nodepoint.users.Viewer;
import org.nodepoint.web.ComponentGate;
import org.nodepoint.web.CurrentViewer;
import org.nodepoint.web.FeatureRoutes;
import org.nodepoint.web.Flash;
import org.nodepoint.web.Pages;
import org.nodepoint.web.Paging;
import org.nodepoint.web.PathIds;
import org.nodepoint.web.Requires;

/**
 * Following and assigning tickets, clearing attention flags, and the list of followed tickets.
 * The forms post from the ticket page and the home page and redirect back to them.
 */
public final class TicketPeopleRoutes implements FeatureRoutes {
    private final Following following;
    private final Assignments assignments;
    private final AttentionFlags attention;
    private final SettingsStore settings;
    private final Pages pages;
    private final ComponentGate gate;

    public TicketPeopleRoutes(Following following, Assignments assignments, AttentionFlags attention, SettingsStore settings,
            Pages pages, ComponentGate gate) {
        this.following = following;
        this.assignments = assignments;
        this.attention = attention;
        this.settings = settings;
        this.pages = pages;
        this.gate = gate;
    }

    @Override
    public void register(RoutesConfig routes) {
        // The ticket routes' gate covers /tickets/*; the followed list needs its own.
        routes.before("/following", gate.require(Component.TICKETS));
        routes.get("/following", this::followedList, Requires.SIGNED_IN);
        routes.post("/tickets/{id}/follow", this::follow, Requires.SIGNED_IN);
        routes.post("/tickets/{id}/unfollow", this::unfollow, Requires.SIGNED_IN);
        routes.post("/tickets/{id}/assignees", this::assign, Requires.level(Level.TICKETS_MANAGEMENT));
        routes.post("/tickets/{id}/assignees/remove", this::unassign, Requires.level(Level.TICKETS_MANAGEMENT));
        routes.post("/tickets/{id}/attention/clear", this::clearAttention, Requires.SIGNED_IN);
    }

    private void followedList(Context ctx) {
        int pageSize = settings.current().pageLength();
        int page = Paging.parsePage(ctx.queryParam("page"));
        TicketList followed = following.followedBy(CurrentViewer.of(ctx), (long) (page - 1) * pageSize, pageSize);
        Paging paging = new Paging(page, pageSize, followed.total(), "");
        pages.render(ctx, "tickets/following.jte", new FollowingPage(pages.chrome(ctx), followed, paging));
    }

    private void follow(Context ctx) {
        long id = PathIds.of(ctx, "id");
        boolean added = following.follow(CurrentViewer.of(ctx), id, Origin.WEB);
        Flash.success(ctx, added ? "following.added" : "following.already", id);
        ctx.redirect("/tickets/" + id);
    }

    private void unfollow(Context ctx) {
        long id = PathIds.of(ctx, "id");
        boolean removed = following.unfollow(CurrentViewer.of(ctx), id);
        Flash.success(ctx, removed ? "following.removed" : "following.notFollowing", id);
        ctx.redirect("/tickets/" + id);
    }

    private void assign(Context ctx) {
        long id = PathIds.of(ctx, "id");
        boolean added = assignments.assign(CurrentViewer.of(ctx), id, userIdField(ctx), Origin.WEB);
        Flash.success(ctx, added ? "assign.added" : "assign.already", id);
        ctx.redirect("/tickets/" + id + "#assignees");
    }

    private void unassign(Context ctx) {
        long id = PathIds.of(ctx, "id");
        boolean removed = assignments.unassign(CurrentViewer.of(ctx), id, userIdField(ctx));
        Flash.success(ctx, removed ? "assign.removed" : "assign.notAssigned", id);
        ctx.redirect("/tickets/" + id + "#assignees");
    }

    private void clearAttention(Context ctx) {
        long id = PathIds.of(ctx, "id");
        Viewer viewer = CurrentViewer.of(ctx);
        if (attention.clear(viewer, id)) {
            Flash.success(ctx, "attention.cleared", id);
        }
        ctx.redirect("/");
    }

    private static long userIdField(Context ctx) {
        Long userId = PathIds.parseNumber(ctx.formParam(Assignments.USER_FIELD));
        if (userId == null) {
            throw ValidationException.of(Assignments.USER_FIELD, "assign.user.missing");
        }
        return userId;
    }
}
