package org.nodepoint.articles;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.nodepoint.config.Component;
import org.nodepoint.users.Level;
import org.nodepoint.web.ComponentGate;
import org.nodepoint.web.CurrentViewer;
import org.nodepoint.web.FeatureRoutes;
import org.nodepoint.web.Flash;
import org.nodepoint.web.PathIds;
import org.nodepoint.web.Requires;

/**
 * Linking articles to tickets and unlinking them, from the ticket page's "Linked articles" panel.
 * The ticket routes' component gate covers these paths, and this one adds the articles gate.
 */
public final class ArticleLinkRoutes implements FeatureRoutes {
    private final ArticleLinks links;
    private final ComponentGate gate;

    public ArticleLinkRoutes(ArticleLinks links, ComponentGate gate) {
        this.links = links;
        this.gate = gate;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before("/tickets/{id}/articles", gate.require(Component.ARTICLES));
        routes.before("/tickets/{id}/articles/*", gate.require(Component.ARTICLES));
        routes.post("/tickets/{id}/articles", this::link, Requires.level(Level.TICKETS_MANAGEMENT));
        routes.post("/tickets/{id}/articles/{articleId}/delete", this::unlink, Requires.level(Level.PROJECTS_MANAGEMENT));
    }

    private void link(Context ctx) {
        long ticketId = PathIds.of(ctx, "id");
        ArticleSummary article = links.link(CurrentViewer.of(ctx), ticketId, ctx.formParam("articleId"));
        Flash.success(ctx, "articles.link.added", article.title());
        ctx.redirect("/tickets/" + ticketId + "#articles");
    }

    private void unlink(Context ctx) {
        long ticketId = PathIds.of(ctx, "id");
        links.unlink(CurrentViewer.of(ctx), ticketId, PathIds.of(ctx, "articleId"));
        Flash.success(ctx, "articles.link.removed", ticketId);
        ctx.redirect("/tickets/" + ticketId + "#articles");
    }
}
