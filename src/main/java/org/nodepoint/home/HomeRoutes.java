package org.nodepoint.home;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.nodepoint.config.Component;
import org.nodepoint.legacyapi.LegacyApi;
import org.nodepoint.tickets.TicketService;
import org.nodepoint.users.Viewer;
import org.nodepoint.web.Chrome;
import org.nodepoint.web.CurrentViewer;
import org.nodepoint.web.FeatureRoutes;
import org.nodepoint.web.Pages;
import org.nodepoint.web.Requires;
import org.nodepoint.web.WebApp;

/** The home page, which shares {@code GET /} with legacy API calls that name an {@code api}. */
public final class HomeRoutes implements FeatureRoutes {
    static final int LIST_LENGTH = 10;

    private final TicketService tickets;
    private final LegacyApi legacyApi;
    private final Pages pages;

    public HomeRoutes(TicketService tickets, LegacyApi legacyApi, Pages pages) {
        this.tickets = tickets;
        this.legacyApi = legacyApi;
        this.pages = pages;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/", this::show, Requires.ANYONE);
    }

    private void show(Context ctx) {
        if (WebApp.isLegacyApiCall(ctx)) {
            legacyApi.handle(ctx);
            return;
        }
        Viewer viewer = CurrentViewer.of(ctx);
        Chrome chrome = pages.chrome(ctx);
        if (!chrome.hasComponent(Component.TICKETS)) {
            pages.render(ctx, "home/home.jte", new HomePage(chrome, List.of(), List.of()));
            return;
        }
        pages.render(ctx, "home/home.jte", new HomePage(chrome, tickets.createdBy(viewer, LIST_LENGTH),
                tickets.assignedTo(viewer, LIST_LENGTH)));
    }
}
