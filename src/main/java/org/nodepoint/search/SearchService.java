package org.nodepoint.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.db.Database;
import org.nodepoint.tickets.TicketService;
import org.nodepoint.tickets.TicketSummary;
import org.nodepoint.users.Viewer;

/**
 * Full-text search over ticket titles, descriptions and comments (FTS5, ranked by BM25 with titles
 * weighted higher), returning only tickets the viewer may read, with highlighted snippets.
 */
public final class SearchService {
    /** Marks a match inside a snippet; control characters never come out of the HTML escaping as markup. */
    static final String MATCH_START = "\u0002";
    static final String MATCH_END = "\u0003";
    private static final int SNIPPET_TOKENS = 24;
    /** Results beyond this rank are not shown; a narrower query finds them. */
    public static final int MAX_RESULTS = 1_000;
    /** How much more a match in the title counts than one in the description or a comment. */
    private static final double TITLE_WEIGHT = 5.0;

    private final Jdbi read;
    private final TicketService tickets;

    public SearchService(Database database, TicketService tickets) {
        this.read = database.read();
        this.tickets = tickets;
    }

    /** A piece of a snippet: plain text, or a part that matched the query. */
    public record Segment(String text, boolean match) {
    }

    public record Hit(TicketSummary ticket, List<Segment> snippet) {
    }

    /** One page of results; {@code searched} is false when the text had nothing to search for. */
    public record Results(List<Hit> hits, long total, boolean searched) {
        static Results none() {
            return new Results(List.of(), 0, false);
        }
    }

    public Results search(Viewer viewer, String text, long offset, int limit) {
        Optional<String> query = FtsQuery.parse(text);
        if (query.isEmpty() || offset >= MAX_RESULTS) {
            return query.isEmpty() ? Results.none() : new Results(List.of(), 0, true);
        }
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("query", query.get());
        String access = tickets.accessCondition(viewer, binds);
        boolean everything = "1 = 1".equals(access);
        int wanted = (int) Math.min(MAX_RESULTS, offset + limit);
        return read.withHandle(handle -> {
            long total = count(handle, binds, access, everything);
            List<Long> ids = rank(handle, binds, access, everything, wanted).stream().skip(offset).limit(limit).toList();
            Map<Long, String> snippets = snippets(handle, query.get(), ids);
            List<Hit> hits = new ArrayList<>();
            for (TicketSummary summary : tickets.summariesVisibleTo(viewer, ids)) {
                hits.add(new Hit(summary, segments(snippets.getOrDefault(summary.id(), ""))));
            }
            return new Results(hits, total, true);
        });
    }

    /** Counts the distinct visible tickets whose text or comments match. */
    private static long count(Handle handle, Map<String, Object> binds, String access, boolean everything) {
        String matches = "SELECT rowid AS id FROM tickets_fts WHERE tickets_fts MATCH :query UNION "
                + "SELECT c.ticket_id FROM comments_fts JOIN comments c ON c.id = comments_fts.rowid WHERE comments_fts MATCH :query";
        String sql = everything
                ? "SELECT count(*) FROM (" + matches + ")"
                : "SELECT count(*) FROM (" + matches + ") m JOIN tickets t ON t.id = m.id WHERE " + access;
        return handle.createQuery(sql).bindMap(binds).mapTo(Long.class).one();
    }

    /**
     * Returns the ids of the best {@code wanted} visible tickets, best first. Ticket text and comments
     * are ranked by separate queries, each limited to {@code wanted} rows, and merged here: a
     * ticket's score is its best match. Ranking the two tables apart lets SQLite stop at the limit
     * instead of grouping every match of a common word.
     */
    private static List<Long> rank(Handle handle, Map<String, Object> binds, String access, boolean everything, int wanted) {
        String ticketJoin = everything ? "" : " JOIN tickets t ON t.id = tickets_fts.rowid";
        String ticketAccess = everything ? "" : " AND " + access;
        Map<Long, Double> scores = new HashMap<>();
        handle.createQuery("SELECT tickets_fts.rowid AS id, bm25(tickets_fts, " + TITLE_WEIGHT + ", 1.0) AS score FROM tickets_fts"
                        + ticketJoin + " WHERE tickets_fts MATCH :query" + ticketAccess + " ORDER BY score LIMIT :wanted")
                .bindMap(binds).bind("wanted", wanted)
                .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getDouble("score")))
                .forEach(row -> scores.merge(row.getKey(), row.getValue(), Math::min));
        String commentJoin = everything ? "" : " JOIN tickets t ON t.id = c.ticket_id";
        // MATERIALIZED keeps SQLite from merging the scoring into the GROUP BY, where bm25() is not allowed.
        handle.createQuery("WITH scored AS MATERIALIZED (SELECT c.ticket_id AS id, bm25(comments_fts) AS score "
                        + "FROM comments_fts JOIN comments c ON c.id = comments_fts.rowid" + commentJoin
                        + " WHERE comments_fts MATCH :query" + ticketAccess + ") "
                        + "SELECT id, min(score) AS score FROM scored GROUP BY id ORDER BY score LIMIT :wanted")
                .bindMap(binds).bind("wanted", wanted)
                .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getDouble("score")))
                .forEach(row -> scores.merge(row.getKey(), row.getValue(), Math::min));
        return scores.entrySet().stream()
                .sorted(Map.Entry.<Long, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .limit(wanted)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Returns one snippet per ticket: from its own text when that matched, else from a matching comment. */
    private static Map<Long, String> snippets(Handle handle, String query, List<Long> ids) {
        Map<Long, String> snippets = new HashMap<>();
        if (ids.isEmpty()) {
            return snippets;
        }
        String markers = "'" + MATCH_START + "', '" + MATCH_END + "', '…', " + SNIPPET_TOKENS;
        handle.createQuery("SELECT rowid AS id, snippet(tickets_fts, -1, " + markers + ") AS text FROM tickets_fts "
                        + "WHERE tickets_fts MATCH :query AND rowid IN (<ids>)")
                .bind("query", query).bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("text")))
                .forEach(row -> snippets.put(row.getKey(), row.getValue()));
        handle.createQuery("SELECT c.ticket_id AS id, snippet(comments_fts, 0, " + markers + ") AS text FROM comments_fts "
                        + "JOIN comments c ON c.id = comments_fts.rowid WHERE comments_fts MATCH :query AND c.ticket_id IN (<ids>) "
                        + "ORDER BY bm25(comments_fts)")
                .bind("query", query).bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("text")))
                .forEach(row -> snippets.putIfAbsent(row.getKey(), row.getValue()));
        return snippets;
    }

    /** Splits a marked snippet into plain and matching segments, so that templates escape every piece. */
    static List<Segment> segments(String snippet) {
        List<Segment> segments = new ArrayList<>();
        int position = 0;
        while (position < snippet.length()) {
            int start = snippet.indexOf(MATCH_START, position);
            if (start < 0) {
                segments.add(new Segment(snippet.substring(position), false));
                break;
            }
            if (start > position) {
                segments.add(new Segment(snippet.substring(position, start), false));
            }
            int end = snippet.indexOf(MATCH_END, start + 1);
            if (end < 0) {
                segments.add(new Segment(snippet.substring(start + 1), true));
                break;
            }
            segments.add(new Segment(snippet.substring(start + 1, end), true));
            position = end + 1;
        }
        return segments;
    }
}
