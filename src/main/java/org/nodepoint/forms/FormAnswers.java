package org.nodepoint.forms;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.articles.ArticleService;
import org.nodepoint.db.Database;
import org.nodepoint.tickets.TicketService;
import org.nodepoint.users.Level;
import org.nodepoint.users.Viewer;
import org.nodepoint.web.PathIds;

/** The answers that tickets were filed with, for the ticket page and the legacy API. */
public final class FormAnswers {
    private final Jdbi read;
    private final TicketService tickets;
    private final ArticleService articles;

    public FormAnswers(Database database, TicketService tickets, ArticleService articles) {
        this.read = database.read();
        this.tickets = tickets;
        this.articles = articles;
    }

    /**
     * Returns the ticket's answers in form order, or an empty list for a ticket filed without a
     * custom form. An article answer carries the article's title only when the viewer may see the
     * article. Throws NotFoundException when the viewer may not read the ticket.
     */
    public List<TicketAnswer> list(Viewer viewer, long ticketId) {
        tickets.findVisible(viewer, ticketId);
        return resolveArticles(viewer, read.withExtension(FormDao.class, dao -> dao.listAnswers(ticketId)));
    }

    /**
     * Returns the ticket's answers for the legacy API, whose actor reads every ticket. Its article
     * answers name only published articles, as for a level 3 user, because an API key is no
     * project manager who may see drafts.
     */
    public List<TicketAnswer> listForApi(Viewer apiActor, long ticketId) {
        tickets.findVisible(apiActor, ticketId);
        Viewer articleReader = new Viewer(apiActor.userId(), apiActor.name(), Level.TICKETS_MANAGEMENT);
        return resolveArticles(articleReader, read.withExtension(FormDao.class, dao -> dao.listAnswers(ticketId)));
    }

    /** Replaces the stored id of each article answer with the title, or with "" when the viewer may not see the article. */
    private List<TicketAnswer> resolveArticles(Viewer viewer, List<TicketAnswer> stored) {
        List<Long> articleIds = stored.stream().map(FormAnswers::articleIdOf).filter(Objects::nonNull).toList();
        if (articleIds.isEmpty()) {
            return stored;
        }
        Map<Long, String> titles = articles.titlesVisibleTo(viewer, articleIds);
        return stored.stream().map(answer -> {
            Long articleId = articleIdOf(answer);
            return articleId == null ? answer : new TicketAnswer(answer.position(), answer.question(), answer.type(),
                    titles.getOrDefault(articleId, ""), null, articleId);
        }).toList();
    }

    /** Returns the article id that an article answer stores, or null for any other answer. */
    private static Long articleIdOf(TicketAnswer answer) {
        return FieldType.ARTICLE.key().equals(answer.type()) ? PathIds.parseNumber(answer.value()) : null;
    }

    /**
     * Returns the description followed by each answered question as "question TAB answer", with
     * a blank line before each. NodePoint 1.x built the description of a ticket filed through a
     * custom form from these lines, so its show_ticket returned the answers in the description.
     */
    public static String withAnswers(String description, List<TicketAnswer> answers) {
        StringBuilder text = new StringBuilder(description);
        for (TicketAnswer answer : answers) {
            if (answer.isAnswered()) {
                text.append("\n\n").append(answer.question()).append('\t').append(answer.value());
            }
        }
        return text.toString();
    }
}
