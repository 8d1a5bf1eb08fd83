package org.nodepoint.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.nodepoint.calendar.CalendarDates;

/**
 * The statements of the statistics page. Each ticket statement takes the ticket visibility rule
 * as an SQL condition on the alias {@code t} with its parameters, so that it counts only tickets
 * that the viewer may read. A null user id means everyone. Each {@code ...Query} method returns
 * the bound statement, which a test can prefix with EXPLAIN QUERY PLAN through {@code sqlPrefix}.
 *
 * <p>The visibility rule of readers below level 4 is an OR of "created by the viewer" and "in a
 * visible project". SQLite then plans one index search per visible project and reads the row of
 * every ticket it finds, which is most of the table. For those readers, counts over all creators
 * name the covering index with INDEXED BY, so that SQLite reads the index alone. Counts of one
 * creator, and of a reader who sees only their own tickets, keep SQLite's choice of the creator index.
 *
 * <p>For a reader who may read every ticket, the count by status sums the ticket_status_counts
 * rows that triggers keep up to date, instead of reading an index entry per ticket.
 */
final class StatisticsQueries {
    private final Handle handle;
    private final String ticketAccess;
    private final Map<String, Object> accessBinds;
    private final TicketReach reach;
    private final String sqlPrefix;

    /**
     * How much of the tickets table the visibility rule passes for the viewer.
     *
     * @param ownTicketsOnly true when the rule passes only the viewer's own tickets, or none
     * @param everyTicket true when the rule passes every ticket
     */
    record TicketReach(boolean ownTicketsOnly, boolean everyTicket) {
    }

    StatisticsQueries(Handle handle, String ticketAccess, Map<String, Object> accessBinds, TicketReach reach) {
        this(handle, ticketAccess, accessBinds, reach, "");
    }

    StatisticsQueries(Handle handle, String ticketAccess, Map<String, Object> accessBinds, TicketReach reach, String sqlPrefix) {
        this.handle = handle;
        this.ticketAccess = ticketAccess;
        this.accessBinds = accessBinds;
        this.reach = reach;
        this.sqlPrefix = sqlPrefix;
    }

    /**
     * Counts the tickets created in each period between consecutive boundaries (epoch milliseconds,
     * ascending). Returns one count per period, in order.
     */
    long[] countCreatedBetween(long[] boundaries, Long userId) {
        long[] counts = new long[boundaries.length - 1];
        createdBetweenQuery(boundaries, userId)
                .map((rs, ctx) -> Map.entry(rs.getInt("period"), rs.getLong("tickets")))
                .forEach(row -> counts[row.getKey()] = row.getValue());
        return counts;
    }

    /** Numbers each ticket's period with a CASE over the boundaries, so that one index range serves every day. */
    Query createdBetweenQuery(long[] boundaries, Long userId) {
        int periods = boundaries.length - 1;
        StringBuilder period = new StringBuilder("CASE");
        for (int i = 1; i < periods; i++) {
            period.append(" WHEN t.created_at < :boundary").append(i).append(" THEN ").append(i - 1);
        }
        period.append(" ELSE ").append(periods - 1).append(" END");
        String sql = "SELECT " + period + " AS period, count(*) AS tickets FROM tickets t" + indexFor(userId, "tickets_created")
                + " WHERE t.created_at >= :boundary0 AND t.created_at < :boundary" + periods
                + createdBy(userId) + " AND " + ticketAccess + " GROUP BY period";
        Query query = ticketQuery(sql, userId);
        for (int i = 0; i <= periods; i++) {
            query.bind("boundary" + i, boundaries[i]);
        }
        return query;
    }

    /** Counts the tickets of each status. Statuses without tickets are left out. */
    Map<String, Long> countByStatus(Long userId) {
        Map<String, Long> counts = new HashMap<>();
        byStatusQuery(userId).map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getLong("tickets")))
                .forEach(row -> counts.put(row.getKey(), row.getValue()));
        return counts;
    }

    Query byStatusQuery(Long userId) {
        if (userId == null && reach.everyTicket()) {
            return handle.createQuery(sqlPrefix + "SELECT status, sum(tickets) AS tickets FROM ticket_status_counts GROUP BY status");
        }
        return ticketQuery("SELECT t.status, count(*) AS tickets FROM tickets t" + indexFor(userId, "tickets_report_status")
                + " WHERE " + ticketAccess + createdBy(userId)
                + " GROUP BY t.status", userId);
    }

    /**
     * Returns the time entries recorded from {@code from} (inclusive) to {@code to} (exclusive),
     * as pairs of their time (epoch milliseconds) and hundredths of an hour.
     */
    List<long[]> listTimeEntries(long from, long to, Long userId) {
        return timeEntriesQuery(from, to, userId)
                .map((rs, ctx) -> new long[] {rs.getLong("created_at"), rs.getLong("hundredths")})
                .list();
    }

    Query timeEntriesQuery(long from, long to, Long userId) {
        String byUser = userId == null ? "" : " AND e.user_id = :user";
        String sql = "SELECT e.created_at, e.hundredths FROM time_entries e JOIN tickets t ON t.id = e.ticket_id "
                + "WHERE e.created_at >= :from AND e.created_at < :to" + byUser + " AND " + ticketAccess;
        return ticketQuery(sql, userId).bind("from", from).bind("to", to);
    }

    /**
     * Returns the descriptions of the tasks due from {@code first} to {@code last} (both inclusive)
     * in the projects of the given visibilities, by day, in the order they were added.
     */
    Map<LocalDate, List<String>> listTasksDue(LocalDate first, LocalDate last, Set<String> visibilities, Long userId) {
        return groupByDay(tasksDueQuery(first, last, visibilities, userId));
    }

    Query tasksDueQuery(LocalDate first, LocalDate last, Set<String> visibilities, Long userId) {
        String byUser = userId == null ? "" : " AND assignee_id = :user";
        Query query = handle.createQuery(sqlPrefix + "SELECT due_date, description FROM tasks WHERE due_date >= :first AND due_date <= :last"
                        + byUser + " AND product_id IN (SELECT id FROM products WHERE visibility IN (<visibilities>)) "
                        + "ORDER BY due_date, id")
                .bind("first", first.toString())
                .bind("last", last.toString())
                .bindList("visibilities", List.copyOf(visibilities));
        if (userId != null) {
            query.bind("user", userId);
        }
        return query;
    }

    /** Returns the names of the items whose expiry day lies from {@code first} to {@code last}, by day and name. */
    Map<LocalDate, List<String>> listItemsExpiring(LocalDate first, LocalDate last) {
        return groupByDay(itemsExpiringQuery(first, last));
    }

    Query itemsExpiringQuery(LocalDate first, LocalDate last) {
        return handle.createQuery(sqlPrefix + "SELECT expires_on, name FROM items WHERE expires_on >= :first AND expires_on <= :last "
                        + "ORDER BY expires_on, name COLLATE NOCASE, id")
                .bind("first", first.toString())
                .bind("last", last.toString());
    }

    private Query ticketQuery(String sql, Long userId) {
        Query query = handle.createQuery(sqlPrefix + sql).bindMap(accessBinds);
        if (userId != null) {
            query.bind("user", userId);
        }
        return query;
    }

    /** Returns the INDEXED BY clause of a count over all creators, as the class comment explains. */
    private String indexFor(Long userId, String coveringIndex) {
        return userId == null && !reach.ownTicketsOnly() ? " INDEXED BY " + coveringIndex : "";
    }

    private static String createdBy(Long userId) {
        return userId == null ? "" : " AND t.created_by = :user";
    }

    /**
     * Reads rows of a yyyy-mm-dd day and a text into lists per day, keeping the order of the rows.
     * A row whose day is not a real date, which only a direct database edit can store, is left out.
     */
    private static Map<LocalDate, List<String>> groupByDay(Query query) {
        Map<LocalDate, List<String>> byDay = new LinkedHashMap<>();
        query.map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(row -> CalendarDates.parseIso(row.getKey())
                        .ifPresent(day -> byDay.computeIfAbsent(day, key -> new ArrayList<>()).add(row.getValue())));
        return byDay;
    }
}
