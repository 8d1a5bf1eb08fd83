package org.nodepoint.articles;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.nodepoint.users.Viewer;

/** The article queries. Each one filters by {@link ArticleAccess}, so no caller can forget the rule. */
final class ArticleReads {
    private static final RowMapper<Article> ARTICLE = ConstructorMapper.of(Article.class);
    private static final RowMapper<ArticleSummary> SUMMARY = ConstructorMapper.of(ArticleSummary.class);
    private static final String ARTICLE_COLUMNS = "SELECT a.id, a.product_id, p.name AS product_name, a.title, a.body, a.published, "
            + "a.created_by, u.name AS created_by_name, a.created_at, a.updated_at, a.version FROM articles a "
            + "LEFT JOIN products p ON p.id = a.product_id JOIN users u ON u.id = a.created_by ";
    private static final String SUMMARY_COLUMNS = "SELECT a.id, a.title, a.product_id, p.name AS product_name, a.published, "
            + "a.created_at, a.updated_at FROM articles a LEFT JOIN products p ON p.id = a.product_id ";
    /** The list order, which the title indexes of the articles table serve. */
    private static final String BY_TITLE = " ORDER BY a.title COLLATE NOCASE, a.id";

    private final Jdbi read;

    ArticleReads(Jdbi read) {
        this.read = read;
    }

    /** The project filter of a list: every article, only those of all projects, or those of one project. */
    record ProductFilter(boolean allProjectsOnly, Long productId) {
        static final ProductFilter NONE = new ProductFilter(false, null);

        String sql(Map<String, Object> binds) {
            if (allProjectsOnly) {
                return " AND a.product_id IS NULL";
            }
            if (productId == null) {
                return "";
            }
            binds.put("productId", productId);
            return " AND a.product_id = :productId";
        }
    }

    Optional<Article> findVisible(Viewer viewer, long id) {
        ArticleAccess.Condition access = ArticleAccess.forViewer(viewer);
        return read.withHandle(handle -> handle.createQuery(ARTICLE_COLUMNS + "WHERE a.id = :id AND " + access.sql())
                .bindMap(access.binds()).bind("id", id)
                .map(ARTICLE).findOne());
    }

    ArticleList listPage(Viewer viewer, ProductFilter filter, long offset, int limit) {
        Map<String, Object> binds = new HashMap<>();
        String where = "WHERE " + accessCondition(viewer, binds) + filter.sql(binds);
        return read.withHandle(handle -> {
            List<ArticleSummary> rows = handle.createQuery(SUMMARY_COLUMNS + where + BY_TITLE + " LIMIT :limit OFFSET :offset")
                    .bindMap(binds).bind("limit", limit).bind("offset", offset)
                    .map(SUMMARY).list();
            long total = handle.createQuery("SELECT count(*) FROM articles a " + where)
                    .bindMap(binds)
                    .mapTo(Long.class).one();
            return new ArticleList(rows, total);
        });
    }

    ArticleList favouritesOf(Viewer viewer, int limit) {
        ArticleAccess.Condition access = ArticleAccess.forViewer(viewer);
        String from = "JOIN article_favourites f ON f.article_id = a.id AND f.user_id = :userId WHERE " + access.sql();
        return read.withHandle(handle -> {
            List<ArticleSummary> rows = handle.createQuery(SUMMARY_COLUMNS + from + BY_TITLE + " LIMIT :limit")
                    .bindMap(access.binds()).bind("userId", viewer.userId()).bind("limit", limit)
                    .map(SUMMARY).list();
            long total = handle.createQuery("SELECT count(*) FROM articles a " + from)
                    .bindMap(access.binds()).bind("userId", viewer.userId())
                    .mapTo(Long.class).one();
            return new ArticleList(rows, total);
        });
    }

    boolean isFavourite(Viewer viewer, long articleId) {
        if (!viewer.isSignedIn()) {
            return false;
        }
        return read.withHandle(handle -> handle.createQuery("SELECT count(*) FROM article_favourites WHERE user_id = :userId AND article_id = :id")
                .bind("userId", viewer.userId()).bind("id", articleId)
                .mapTo(Integer.class).one() > 0);
    }

    /** Lists the articles linked to a ticket that the viewer may see, by title. */
    List<ArticleSummary> linkedToTicket(Viewer viewer, long ticketId) {
        ArticleAccess.Condition access = ArticleAccess.forViewer(viewer);
        return read.withHandle(handle -> handle.createQuery(SUMMARY_COLUMNS
                        + "JOIN article_tickets l ON l.article_id = a.id AND l.ticket_id = :ticketId WHERE " + access.sql() + BY_TITLE)
                .bindMap(access.binds()).bind("ticketId", ticketId)
                .map(SUMMARY).list());
    }

    /**
     * Lists the published articles, visible to the viewer, that may be linked to a ticket of the
     * product or chosen in its custom forms: those of the product and those of all projects.
     */
    List<ArticleSummary> publishedFor(Viewer viewer, long productId, int limit) {
        ArticleAccess.Condition access = ArticleAccess.forViewer(viewer);
        return read.withHandle(handle -> handle.createQuery(SUMMARY_COLUMNS + "WHERE a.published = 1 AND (a.product_id IS NULL OR "
                        + "a.product_id = :productId) AND " + access.sql() + BY_TITLE + " LIMIT :limit")
                .bindMap(access.binds()).bind("productId", productId).bind("limit", limit)
                .map(SUMMARY).list());
    }

    Map<Long, String> titlesVisibleTo(Viewer viewer, List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        ArticleAccess.Condition access = ArticleAccess.forViewer(viewer);
        Map<Long, String> titles = new HashMap<>();
        read.useHandle(handle -> handle.createQuery("SELECT a.id, a.title FROM articles a WHERE a.id IN (<ids>) AND " + access.sql())
                .bindList("ids", ids).bindMap(access.binds())
                .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("title")))
                .forEach(row -> titles.put(row.getKey(), row.getValue())));
        return titles;
    }

    /** Adds the access condition's parameters to {@code binds} and returns the condition on alias {@code a}. */
    static String accessCondition(Viewer viewer, Map<String, Object> binds) {
        ArticleAccess.Condition access = ArticleAccess.forViewer(viewer);
        binds.putAll(access.binds());
        return access.sql();
    }
}
