package org.nodepoint.shoutbox;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.nodepoint.config.Component;
import org.nodepoint.users.Level;
import org.nodepoint.web.ComponentGate;
import org.nodepoint.web.CurrentViewer;
import org.nodepoint.web.FeatureRoutes;
import org.nodepoint.web.Flash;
import org.nodepoint.web.Forms;
import org.nodepoint.web.PathIds;
import org.nodepoint.web.Requires;

/** The shoutbox's forms on the home page: posting from level 1 and deleting at level 5. */
public final class ShoutboxRoutes implements FeatureRoutes {
    private final Shoutbox shoutbox;
    private final ComponentGate gate;

    public ShoutboxRoutes(Shoutbox shoutbox, ComponentGate gate) {
        this.shoutbox = shoutbox;
        this.gate = gate;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before("/shoutbox", gate.require(Component.SHOUTBOX));
        routes.before("/shoutbox/*", gate.require(Component.SHOUTBOX));
        routes.post("/shoutbox", this::post, Requires.level(Level.AUTHORIZED));
        routes.post("/shoutbox/{id}/delete", this::delete, Requires.level(Level.USERS_MANAGEMENT));
    }

    private void post(Context ctx) {
        shoutbox.post(CurrentViewer.of(ctx), Forms.field(ctx, Shoutbox.FIELD));
        ctx.redirect("/#shoutbox");
    }

    private void delete(Context ctx) {
        shoutbox.delete(CurrentViewer.of(ctx), PathIds.of(ctx, "id"));
        Flash.success(ctx, "shoutbox.deleted", null);
        ctx.redirect("/#shoutbox");
    }
}
