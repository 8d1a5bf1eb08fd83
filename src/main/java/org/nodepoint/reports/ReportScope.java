package org.nodepoint.reports;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.nodepoint.articles.ArticleService;
import org.nodepoint.config.Settings;
import org.nodepoint.tickets.TicketService;
import org.nodepoint.users.Viewer;

/**
 * The inputs of a report's statement: the viewer, whose access conditions are those of the
 * ticket list and the article list, the site's time zone, and the current time.
 */
final class ReportScope {
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final Viewer viewer;
    private final TicketService tickets;
    private final ArticleService articles;
    private final Settings settings;
    private final Instant now;

    ReportScope(Viewer viewer, TicketService tickets, ArticleService articles, Settings settings, Instant now) {
        this.viewer = viewer;
        this.tickets = tickets;
        this.articles = articles;
        this.settings = settings;
        this.now = now;
    }

    Viewer viewer() {
        return viewer;
    }

    ZoneId zone() {
        return settings.zone();
    }

    int sessionExpiryHours() {
        return settings.sessionExpiryHours();
    }

    Instant now() {
        return now;
    }

    /** True when the viewer may read every ticket, so that a report need not join the tickets to filter them. */
    boolean seesEveryTicket() {
        return tickets.seesEveryTicket(viewer);
    }

    /** Adds the parameters to {@code binds} and returns the condition, on alias {@code t}, for tickets the viewer may read. */
    String readableTickets(Map<String, Object> binds) {
        return tickets.accessCondition(viewer, binds);
    }

    /** Adds the parameters to {@code binds} and returns the condition, on alias {@code a}, for articles the viewer may read. */
    String readableArticles(Map<String, Object> binds) {
        return articles.accessCondition(viewer, binds);
    }

    /**
     * Returns an SQL expression for the number of the day since 1970-01-01 in the site's time zone
     * of an epoch-millisecond column. Grouping by this integer and naming each group's day
     * afterwards costs half as much as a date string per row. Division rounds toward zero, so days
     * before 1970 would be counted with the next day; no ticket is that old.
     */
    String localDayNumber(String column) {
        return "(" + LocalTimeSql.shifted(zone(), column, now) + " / " + MILLIS_PER_DAY + ")";
    }
}
