package org.nodepoint.search;

import org.nodepoint.config.Component;
import org.nodepoint.web.Chrome;
import org.nodepoint.web.Paging;

/**
 * The search results: {@code articles} is empty unless the articles component is on and the first
 * page is shown, and {@code results} is empty while the tickets component is off.
 */
public record SearchPage(Chrome chrome, String query, SearchService.Results results, Paging paging, ArticleSearch.Results articles) {

    public boolean searchesTickets() {
        return chrome.hasComponent(Component.TICKETS);
    }

    /** True when only articles were searched and none matched the query. */
    public boolean noArticleFound() {
        return !searchesTickets() && !query.isBlank() && articles.hits().isEmpty();
    }
}
