package org.nodepoint.home;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.nodepoint.articles.ArticleService;
import org.nodepoint.config.Component;
import org.nodepoint.inventory.HomeItems;
import org.nodepoint.inventory.ItemService;
import org.nodepoint.legacyapi.LegacyApi;
import org.nodepoint.shoutbox.HomeShoutbox;
import org.nodepoint.shoutbox.Shoutbox;
import org.nodepoint.tasks.HomeTasks;
import org.nodepoint.tasks.TaskService;
import org.nodepoint.tickets.AttentionFlags;
import org.nodepoint.tickets.AttentionList;
import org.nodepoint.tickets.Following;
import org.nodepoint.tickets.TicketList;
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
    /** Flags are cleared one by one, so the page lists more of them than of tickets. */
    static final int ATTENTION_LIST_LENGTH = 50;

    private final TicketService tickets;
    private final Following following;
    private final AttentionFlags attention;
    private final ItemService items;
    private final TaskService tasks;
    private final LegacyApi legacyApi;
    private final ArticleService articles;
    private final Pages pages;
    private final Shoutbox shoutbox;
    private final HiddenPanels hiddenPanels;

    public HomeRoutes(TicketService tickets, Following following, AttentionFlags attention, ItemService items, TaskService tasks,
            LegacyApi legacyApi, ArticleService articles, Pages pages, Shoutbox shoutbox, HiddenPanels hiddenPanels) {
        this.tickets = tickets;
        this.following = following;
        this.attention = attention;
        this.items = items;
        this.tasks = tasks;
        this.legacyApi = legacyApi;
        this.articles = articles;
        this.pages = pages;
        this.shoutbox = shoutbox;
        this.hiddenPanels = hiddenPanels;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/", this::show, Requires.ANYONE);
        routes.post("/home/getting-started/hide", this::hideGettingStarted, Requires.SIGNED_IN);
    }

    private void hideGettingStarted(Context ctx) {
        hiddenPanels.hide(CurrentViewer.of(ctx), HiddenPanels.GETTING_STARTED);
        ctx.redirect("/");
    }

    private void show(Context ctx) {
        if (WebApp.isLegacyApiCall(ctx)) {
            legacyApi.handle(ctx);
            return;
        }
        Viewer viewer = CurrentViewer.of(ctx);
        Chrome chrome = pages.chrome(ctx);
        HomeItems heldItems = chrome.hasComponent(Component.ITEMS) ? items.homeItems(viewer) : HomeItems.NONE;
        HomeShoutbox shouts = chrome.hasComponent(Component.SHOUTBOX) ? shoutbox.homePanel(viewer) : HomeShoutbox.NONE;
        boolean gettingStarted = viewer.isSignedIn() && !hiddenPanels.isHidden(viewer, HiddenPanels.GETTING_STARTED);
        HomeTasks ownTasks = chrome.hasComponent(Component.TASKS) ? tasks.homeTasks(viewer) : HomeTasks.NONE;
        ArticleService.HomeArticles homeArticles = chrome.hasComponent(Component.ARTICLES) ? articles.homeArticles(viewer)
                : ArticleService.HomeArticles.NONE;
        if (!chrome.hasComponent(Component.TICKETS)) {
            pages.render(ctx, "home/home.jte", new HomePage(chrome, new AttentionList(List.of(), 0), List.of(), List.of(),
                    new TicketList(List.of(), 0), heldItems, ownTasks, homeArticles, shouts, gettingStarted));
            return;
        }
        pages.render(ctx, "home/home.jte", new HomePage(chrome, attention.flagsOf(viewer, ATTENTION_LIST_LENGTH),
                tickets.createdBy(viewer, LIST_LENGTH), tickets.assignedTo(viewer, LIST_LENGTH),
                following.followedBy(viewer, 0, LIST_LENGTH), heldItems, ownTasks, homeArticles, shouts, gettingStarted));
    }
}
