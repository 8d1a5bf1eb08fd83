package org.nodepoint.articles;

import java.util.List;

/** One page of articles and the number of articles that match in all. */
public record ArticleList(List<ArticleSummary> rows, long total) {
}
