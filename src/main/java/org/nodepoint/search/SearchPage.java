package org.nodepoint.search;

import org.nodepoint.web.Chrome;
import org.nodepoint.web.Paging;

public record SearchPage(Chrome chrome, String query, SearchService.Results results, Paging paging) {
}
