package org.nodepoint.articles;

import java.util.List;

/**
 * The "Linked articles" panel of a ticket page: the linked articles the viewer may see, the
 * published articles that a level-3 viewer may link, and whether the viewer may unlink. The panel
 * is hidden while the articles component is off.
 */
public record TicketArticles(boolean shown, List<ArticleSummary> linked, List<ArticleSummary> choices, boolean canLink,
        boolean canUnlink) {
    public static final TicketArticles HIDDEN = new TicketArticles(false, List.of(), List.of(), false, false);
}
