package org.nodepoint.home;

import java.util.List;
import org.nodepoint.articles.ArticleService;
import org.nodepoint.inventory.HomeItems;
import org.nodepoint.shoutbox.HomeShoutbox;
import org.nodepoint.tasks.HomeTasks;
import org.nodepoint.tickets.AttentionList;
import org.nodepoint.tickets.TicketList;
import org.nodepoint.tickets.TicketSummary;
import org.nodepoint.web.Chrome;

/**
 * The home page. It lists tickets that need the viewer's attention, the viewer's own tickets,
 * those assigned to them and the first of those they follow, with the number they follow in all.
 * Its panels show the viewer's items and tasks, the pinned and favourite articles, the shoutbox,
 * and the getting-started panel unless the viewer hid it.
 */
public record HomePage(Chrome chrome, AttentionList attention, List<TicketSummary> created, List<TicketSummary> assigned,
        TicketList followed, HomeItems items, HomeTasks tasks, ArticleService.HomeArticles articles, HomeShoutbox shoutbox,
        boolean showGettingStarted) {

    /** True when the viewer follows more tickets than the page lists. */
    public boolean hasMoreFollowed() {
        return followed.total() > followed.rows().size();
    }
}
