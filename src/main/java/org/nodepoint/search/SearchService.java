package org.nodepoint.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.db.Database;
import org.nodepoint.tickets.TicketService;
import org.nodepoint.tickets.TicketSummary;
import org.nodepoint.users.Viewer;

/**
 * Full-text search over ticket titles, descriptions and comments (FTS5), returning only tickets
 * the viewer may read, with highlighted snippets.
 *
 * <p>Tickets whose own text matches come first, ranked by BM25 with titles weighted higher. Tickets
 * that match only in a comment follow, newest comment first, taken from the most recent
 * {@link #COMMENT_WINDOW} matching comments, and are looked up only when a page reaches past the
 * text matches. Ranking every matching comment of a common word costs hundreds of milliseconds with
 * a million comments. Reading the newest matches in rowid order stops early instead, so the total
 * is a lower bound when the window is full or comments were not searched.
 *
 * <p>A word found in more than {@link #RANK_WINDOW} visible tickets is ranked among the newest
 * {@code RANK_WINDOW} of them only. BM25 scores every row it ranks, so a word that matches a
 * quarter of 100,000 tickets cost about 16 ms per search, against about 4 ms for the window.
 */
public final class SearchService {
    /** Marks a match inside a snippet; control characters never come out of the HTML escaping as markup. */
    static final String MATCH_START = "\u0002";
    static final String MATCH_END = "\u0003";
    private static final int SNIPPET_TOKENS = 24;
    /** Results beyond this rank are not shown; a narrower query finds them. */
    public static final int MAX_RESULTS = 1_000;
    /** How many of the newest matching comments are searched for tickets that match only in comments. */
    public static final int COMMENT_WINDOW = 1_000;
    /** How many of the newest visible text matches are ranked when more match; counting stops there too. */
    public static final int RANK_WINDOW = 5_000;
    /** How much more a match in the title counts than one in the description. */
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

    /** The completeness of a result's total. */
    public enum Total {
        EXACT,
        /** More tickets matched in their own text than {@link #RANK_WINDOW}; the newest of them were ranked. */
        TEXT_WINDOW_FULL,
        /** Comments were not searched, or more comments matched than {@link #COMMENT_WINDOW}. */
        COMMENT_WINDOW_FULL
    }

    /** One page of results; {@code searched} is false when the text had nothing to search for. */
    public record Results(List<Hit> hits, long total, boolean searched, Total completeness) {
        public static Results none() {
            return new Results(List.of(), 0, false, Total.EXACT);
        }

        public boolean totalIsLowerBound() {
            return completeness != Total.EXACT;
        }
    }

    public Results search(Viewer viewer, String text, long offset, int limit) {
        Optional<String> query = FtsQuery.parse(text);
        if (query.isEmpty()) {
            return Results.none();
        }
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("query", query.get());
        String access = tickets.accessCondition(viewer, binds);
        boolean everything = "1 = 1".equals(access);
        TextFilter filter = TextFilter.of(access, everything, tickets.seesOnlyOwnTickets(viewer));
        int ranksNeeded = (int) Math.min(MAX_RESULTS, offset + limit);
        return read.withHandle(handle -> {
            TextWindow window = newestTextMatches(handle, binds, filter);
            long textTotal = window.size();
            // Comment-only matches follow every text match, so a page filled by text matches does not need them.
            // Skipping them saves a pass over the comment index, and the total is then a lower bound.
            boolean pageNeedsComments = !window.full() && offset + limit > textTotal;
            CommentMatches comments = pageNeedsComments ? commentOnlyMatches(handle, binds, access) : CommentMatches.NOT_SEARCHED;
            List<Long> ranked = new ArrayList<>();
            if (offset < textTotal) {
                ranked.addAll(rankTextMatches(handle, binds, filter, window.oldestId(), ranksNeeded));
            }
            long commentStart = Math.max(0, offset - textTotal);
            List<Long> page = new ArrayList<>(ranked.stream().skip(offset).limit(limit).toList());
            comments.ticketIds().stream().skip(commentStart).limit(limit - page.size()).forEach(page::add);
            if (offset >= MAX_RESULTS) {
                page.clear();
            }

            Map<Long, String> snippets = snippets(handle, query.get(), page, comments.commentIds());
            List<Hit> hits = new ArrayList<>();
            for (TicketSummary summary : tickets.summariesVisibleTo(viewer, page)) {
                hits.add(new Hit(summary, segments(snippets.getOrDefault(summary.id(), ""))));
            }
            Total completeness = window.full() ? Total.TEXT_WINDOW_FULL : comments.windowFull() ? Total.COMMENT_WINDOW_FULL : Total.EXACT;
            return new Results(hits, textTotal + comments.ticketIds().size(), true, completeness);
        });
    }

    /**
     * The newest visible text matches, at most {@link #RANK_WINDOW}; {@code full} is true when more
     * matched, and {@code oldestId} is the lowest ticket id to rank.
     */
    private record TextWindow(int size, long oldestId, boolean full) {
    }

    private static TextWindow newestTextMatches(Handle handle, Map<String, Object> binds, TextFilter filter) {
        // FTS5 reads its matches in rowid order, so the newest ones come first and the scan stops at the limit.
        List<Long> newest = handle.createQuery("SELECT tickets_fts.rowid FROM tickets_fts" + filter.join() + " WHERE tickets_fts MATCH :query"
                        + filter.where() + " ORDER BY tickets_fts.rowid DESC LIMIT :limit")
                .bindMap(binds).bind("limit", RANK_WINDOW + 1)
                .mapTo(Long.class).list();
        if (newest.size() > RANK_WINDOW) {
            return new TextWindow(RANK_WINDOW, newest.get(RANK_WINDOW - 1), true);
        }
        return new TextWindow(newest.size(), newest.isEmpty() ? 0 : newest.get(newest.size() - 1), false);
    }

    /**
     * The way the visibility condition applies to matches of the ticket index. It is left out for a
     * viewer who reads everything, and joins each match with its ticket otherwise. A viewer who reads
     * only their own tickets gets a lookup of each match in the small set of those tickets' ids.
     */
    private record TextFilter(String join, String where) {
        static TextFilter of(String access, boolean everything, boolean narrow) {
            if (everything) {
                return new TextFilter("", "");
            }
            if (narrow) {
                return new TextFilter("", " AND +tickets_fts.rowid IN (SELECT t.id FROM tickets t WHERE " + access + ")");
            }
            return new TextFilter(" JOIN tickets t ON t.id = tickets_fts.rowid", " AND " + access);
        }
    }

    /** Returns the ids of the best {@code count} visible tickets from {@code oldestId} up whose own text matches, best first. */
    private static List<Long> rankTextMatches(Handle handle, Map<String, Object> binds, TextFilter filter, long oldestId, int count) {
        return handle.createQuery("SELECT tickets_fts.rowid FROM tickets_fts" + filter.join() + " WHERE tickets_fts MATCH :query"
                        + " AND tickets_fts.rowid >= :oldestId" + filter.where()
                        + " ORDER BY bm25(tickets_fts, " + TITLE_WEIGHT + ", 1.0), tickets_fts.rowid LIMIT :count")
                .bindMap(binds).bind("oldestId", oldestId).bind("count", count)
                .mapTo(Long.class).list();
    }

    /**
     * Tickets that match only in comments, newest matching comment first, with the comment that
     * matched for each; {@code windowFull} is true when the window of comments was used up.
     */
    private record CommentMatches(List<Long> ticketIds, Map<Long, Long> commentIds, boolean windowFull) {
        /** Comments were not searched, so more tickets may match than counted. */
        static final CommentMatches NOT_SEARCHED = new CommentMatches(List.of(), Map.of(), true);
    }

    private static CommentMatches commentOnlyMatches(Handle handle, Map<String, Object> binds, String access) {
        Map<Long, Long> newestComment = new LinkedHashMap<>();
        int[] read = {0};
        handle.createQuery("SELECT c.ticket_id, m.rowid FROM (SELECT rowid FROM comments_fts WHERE comments_fts MATCH :query "
                        + "ORDER BY rowid DESC LIMIT :window) m JOIN comments c ON c.id = m.rowid ORDER BY m.rowid DESC")
                .bind("query", binds.get("query")).bind("window", COMMENT_WINDOW)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .forEach(row -> {
                    read[0]++;
                    newestComment.putIfAbsent(row.getKey(), row.getValue());
                });
        if (newestComment.isEmpty()) {
            return new CommentMatches(List.of(), Map.of(), false);
        }
        Set<Long> candidates = new LinkedHashSet<>(newestComment.keySet());
        // "+rowid" keeps the id list away from FTS5, which would otherwise evaluate the query once per id.
        // One pass over the matches with the list as a filter is far cheaper, above all for prefix queries.
        handle.createQuery("SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH :query AND +rowid IN (<ids>)")
                .bind("query", binds.get("query")).bindList("ids", List.copyOf(candidates))
                .mapTo(Long.class).forEach(candidates::remove);
        if (!candidates.isEmpty()) {
            Set<Long> visible = new java.util.HashSet<>(handle.createQuery("SELECT t.id FROM tickets t WHERE t.id IN (<ids>) AND " + access)
                    .bindMap(binds).bindList("ids", List.copyOf(candidates))
                    .mapTo(Long.class).list());
            candidates.retainAll(visible);
        }
        return new CommentMatches(List.copyOf(candidates), newestComment, read[0] >= COMMENT_WINDOW);
    }

    /** Returns one snippet per ticket: from its own text when that matched, else from its newest matching comment. */
    private static Map<Long, String> snippets(Handle handle, String query, List<Long> ids, Map<Long, Long> commentIds) {
        Map<Long, String> snippets = new HashMap<>();
        if (ids.isEmpty()) {
            return snippets;
        }
        String markers = "'" + MATCH_START + "', '" + MATCH_END + "', '…', " + SNIPPET_TOKENS;
        // The id range lets FTS5 skip the matches outside it, and "+rowid" stops it from evaluating the query once per id.
        handle.createQuery("SELECT rowid AS id, snippet(tickets_fts, -1, " + markers + ") AS text FROM tickets_fts "
                        + "WHERE tickets_fts MATCH :query AND rowid BETWEEN :lowest AND :highest AND +rowid IN (<ids>)")
                .bind("query", query).bindList("ids", ids)
                .bind("lowest", Collections.min(ids)).bind("highest", Collections.max(ids))
                .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("text")))
                .forEach(row -> snippets.put(row.getKey(), row.getValue()));
        List<Long> fromComments = ids.stream().filter(id -> !snippets.containsKey(id) && commentIds.containsKey(id))
                .map(commentIds::get).toList();
        if (!fromComments.isEmpty()) {
            handle.createQuery("SELECT c.ticket_id AS id, snippet(comments_fts, 0, " + markers + ") AS text FROM comments_fts "
                            + "JOIN comments c ON c.id = comments_fts.rowid WHERE comments_fts MATCH :query "
                            + "AND comments_fts.rowid >= :oldest AND +comments_fts.rowid IN (<ids>)")
                    .bind("query", query).bind("oldest", fromComments.stream().mapToLong(Long::longValue).min().orElseThrow())
                    .bindList("ids", fromComments)
                    .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("text")))
                    .forEach(row -> snippets.putIfAbsent(row.getKey(), row.getValue()));
        }
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
