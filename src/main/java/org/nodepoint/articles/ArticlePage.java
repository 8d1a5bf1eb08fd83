package org.nodepoint.articles;

import org.nodepoint.web.Chrome;

/**
 * An article: {@code bodyHtml} is the sanitised rendering of its Markdown, and {@code tickets} the
 * linked tickets that are not closed and that the viewer may read.
 */
public record ArticlePage(Chrome chrome, Article article, String bodyHtml, boolean favourite, boolean canManage, LinkedTickets tickets) {
}
