package org.nodepoint.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.articles.ArticleService;
import org.nodepoint.db.Database;
import org.nodepoint.users.Viewer;

/**
 * Full-text search over article titles and bodies (FTS5), returning only the articles that the
 * viewer may see, ranked by BM25 with titles weighted higher, with highlighted snippets.
 */
public final class ArticleSearch {
    /** The maximum number of articles that the results page lists. The page names how many match in all. */
    public static final int MAX_HITS = 10;
    private static final int SNIPPET_TOKENS = 24;
    private static final double TITLE_WEIGHT = 5.0;

    private final Jdbi read;
    private final ArticleService articles;

    public ArticleSearch(Database database, ArticleService articles) {
        this.read = database.read();
        this.articles = articles;
    }

    public record Hit(long id, String title, boolean published, List<SearchService.Segment> snippet) {
    }

    public record Results(List<Hit> hits, long total) {
        public static final Results NONE = new Results(List.of(), 0);

        public boolean hasMore() {
            return total > hits.size();
        }
    }

    public Results search(Viewer viewer, String text) {
        Optional<String> query = FtsQuery.parse(text);
        if (query.isEmpty()) {
            return Results.NONE;
        }
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("query", query.get());
        String access = articles.accessCondition(viewer, binds);
        String from = " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH :query AND " + access;
        String markers = "'" + SearchService.MATCH_START + "', '" + SearchService.MATCH_END + "', '…', " + SNIPPET_TOKENS;
        return read.withHandle(handle -> {
            List<Hit> hits = handle.createQuery("SELECT a.id, a.title, a.published, snippet(articles_fts, -1, " + markers + ") AS text" + from
                            + " ORDER BY bm25(articles_fts, " + TITLE_WEIGHT + ", 1.0), a.id LIMIT :limit")
                    .bindMap(binds).bind("limit", MAX_HITS)
                    .map((rs, ctx) -> new Hit(rs.getLong("id"), rs.getString("title"), rs.getBoolean("published"),
                            SearchService.segments(rs.getString("text"))))
                    .list();
            long total = hits.size() < MAX_HITS ? hits.size()
                    : handle.createQuery("SELECT count(*)" + from).bindMap(binds).mapTo(Long.class).one();
            return new Results(hits, total);
        });
    }
}
