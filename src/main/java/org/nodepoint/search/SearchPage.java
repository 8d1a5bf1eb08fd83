package org.nodepoint.search;

import org.nodepoint.web.Chrome;
import org.nodepoint.web.Paging;

/** The search results: {@code articles} is empty unless the articles component is on and the first page is shown. */
public record SearchPage(Chrome chrome, String query, SearchService.Results results, Paging paging, ArticleSearch.Results articles) {
}
