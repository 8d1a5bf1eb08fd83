package org.nodepoint.articles;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.config.Component;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.db.Database;
import org.nodepoint.db.GroupCommitWriter;
import org.nodepoint.errors.ForbiddenException;
import org.nodepoint.errors.NotFoundException;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.tickets.Ticket;
import org.nodepoint.tickets.TicketService;
import org.nodepoint.users.Level;
import org.nodepoint.users.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links between articles and tickets. Level 3 links a published article of the ticket's project
 * or of all projects to a ticket it may read, and level 4 unlinks. The ticket page lists the linked
 * articles that the viewer may see, and the article page the linked tickets that are not closed.
 */
public final class ArticleLinks {
    private static final Logger log = LoggerFactory.getLogger(ArticleLinks.class);

    /** The maximum number of linked tickets that an article page lists. The page names how many there are. */
    public static final int MAX_TICKETS_SHOWN = 50;
    /** The maximum number of articles that the link form offers. */
    public static final int MAX_CHOICES = 200;

    private final Jdbi read;
    private final GroupCommitWriter writer;
    private final ArticleService articles;
    private final TicketService tickets;
    private final SettingsStore settings;
    private final Clock clock;

    public ArticleLinks(Database database, ArticleService articles, TicketService tickets, SettingsStore settings, Clock clock) {
        this.read = database.read();
        this.writer = database.groupCommitWriter();
        this.articles = articles;
        this.tickets = tickets;
        this.settings = settings;
        this.clock = clock;
    }

    public static boolean canLink(Viewer viewer) {
        return viewer.hasLevel(Level.TICKETS_MANAGEMENT);
    }

    public static boolean canUnlink(Viewer viewer) {
        return viewer.hasLevel(Level.PROJECTS_MANAGEMENT);
    }

    /** Returns the panel of a ticket that the viewer reads, hidden while the articles component is off. */
    public TicketArticles panel(Viewer viewer, Ticket ticket) {
        if (!settings.current().isEnabled(Component.ARTICLES)) {
            return TicketArticles.HIDDEN;
        }
        List<ArticleSummary> linked = articles.linkedToTicket(viewer, ticket.id());
        List<ArticleSummary> choices = canLink(viewer) ? articles.publishedFor(viewer, ticket.productId(), MAX_CHOICES) : List.of();
        return new TicketArticles(true, linked, choices, canLink(viewer), canUnlink(viewer));
    }

    /**
     * Links the article to the ticket and returns it. The article must be published and for the
     * ticket's project or for all projects. Any other id gets the same message, a draft's included,
     * so that the reply does not tell a draft from a missing article.
     */
    public ArticleSummary link(Viewer viewer, long ticketId, String articleIdText) {
        requireLevel(viewer, Level.TICKETS_MANAGEMENT);
        Ticket ticket = tickets.findVisible(viewer, ticketId);
        Long articleId = ArticleService.parseId(articleIdText == null ? "" : articleIdText.strip());
        ArticleSummary article = (articleId == null ? null : articles.findPublishedFor(viewer, ticket.productId(), articleId).orElse(null));
        if (article == null) {
            throw ValidationException.of("articleId", "articles.link.invalid");
        }
        writer.useExtension(ArticleDao.class, dao -> dao.insertLink(article.id(), ticket.id(), viewer.userId(), clock.millis()));
        log.info("User {} linked article {} to ticket {}", viewer.userId(), article.id(), ticket.id());
        return article;
    }

    /** Removes the link between the article and a ticket that the viewer reads. */
    public void unlink(Viewer viewer, long ticketId, long articleId) {
        requireLevel(viewer, Level.PROJECTS_MANAGEMENT);
        Ticket ticket = tickets.findVisible(viewer, ticketId);
        writer.useTransaction(handle -> {
            if (handle.attach(ArticleDao.class).deleteLink(articleId, ticket.id()) == 0) {
                throw new NotFoundException("articles.link.notFound");
            }
        });
        log.info("User {} unlinked article {} from ticket {}", viewer.userId(), articleId, ticket.id());
    }

    /** Returns the first linked tickets of a visible article that are not closed and that the viewer may read, newest first. */
    public LinkedTickets openTickets(Viewer viewer, long articleId) {
        Map<String, Object> binds = new LinkedHashMap<>();
        String access = tickets.accessCondition(viewer, binds);
        binds.put("articleId", articleId);
        String from = "FROM article_tickets l JOIN tickets t ON t.id = l.ticket_id "
                + "WHERE l.article_id = :articleId AND t.status <> 'Closed' AND " + access;
        List<Long> ids = read.withHandle(handle -> handle.createQuery("SELECT l.ticket_id " + from + " ORDER BY l.ticket_id DESC LIMIT :limit")
                .bindMap(binds).bind("limit", MAX_TICKETS_SHOWN)
                .mapTo(Long.class).list());
        long total = ids.size() < MAX_TICKETS_SHOWN ? ids.size()
                : read.withHandle(handle -> handle.createQuery("SELECT count(*) " + from).bindMap(binds).mapTo(Long.class).one());
        return new LinkedTickets(tickets.summariesVisibleTo(viewer, ids), total);
    }

    private static void requireLevel(Viewer viewer, int level) {
        if (!viewer.hasLevel(level)) {
            throw new ForbiddenException("error.forbidden.level");
        }
    }
}
