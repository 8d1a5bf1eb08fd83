package org.nodepoint.search;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.nodepoint.config.Component;
import org.nodepoint.web.Chrome;
import org.nodepoint.web.ComponentGate;
import org.nodepoint.web.CurrentViewer;
import org.nodepoint.web.FeatureRoutes;
import org.nodepoint.web.Pages;
import org.nodepoint.web.Paging;
import org.nodepoint.web.Requires;

/** The search page; results are filtered by the same visibility rule as the ticket list. */
public final class SearchRoutes implements FeatureRoutes {
    static final int PAGE_SIZE = 20;

    private final SearchService search;
    private final ArticleSearch articleSearch;
    private final Pages pages;
    private final ComponentGate gate;

    public SearchRoutes(SearchService search, ArticleSearch articleSearch, Pages pages, ComponentGate gate) {
        this.search = search;
        this.articleSearch = articleSearch;
        this.pages = pages;
        this.gate = gate;
    }

    /**
     * Search is open while the tickets or the articles component is on. Its first page lists matching
     * articles while the articles component is on. Tickets are searched only while their component is on.
     */
    @Override
    public void register(RoutesConfig routes) {
        routes.before("/search", gate.requireAny(Component.TICKETS, Component.ARTICLES));
        routes.get("/search", this::results, Requires.ANYONE);
    }

    private void results(Context ctx) {
        String query = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
        if (query.length() > FtsQuery.MAX_INPUT_LENGTH) {
            query = query.substring(0, FtsQuery.MAX_INPUT_LENGTH);
        }
        int page = Paging.parsePage(ctx.queryParam("page"));
        Chrome chrome = pages.chrome(ctx);
        SearchService.Results results = chrome.hasComponent(Component.TICKETS)
                ? search.search(CurrentViewer.of(ctx), query, (long) (page - 1) * PAGE_SIZE, PAGE_SIZE) : SearchService.Results.none();
        long shown = Math.min(results.total(), SearchService.MAX_RESULTS);
        Paging paging = new Paging(page, PAGE_SIZE, shown, "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        ArticleSearch.Results articles = page == 1 && chrome.hasComponent(Component.ARTICLES)
                ? articleSearch.search(CurrentViewer.of(ctx), query) : ArticleSearch.Results.NONE;
        pages.render(ctx, "search/results.jte", new SearchPage(chrome, query, results, paging, articles));
    }
}
