package org.nodepoint.tickets;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.db.Database;
import org.nodepoint.users.Viewer;

/**
 * Reads recorded time: the breakdown of a ticket, a user's total and the hours of many tickets.
 * Time is recorded by {@link TicketService#update}. Each method costs one query, whatever the
 * number of entries or users, and {@link #hoursByTicket} one per 500 tickets.
 */
public final class TimeTracking {
    /** Ticket ids bound per query by {@link #hoursByTicket}, well below SQLite's limit of 32766 parameters. */
    private static final int TICKETS_PER_QUERY = 500;

    private final Jdbi read;
    private final TicketService tickets;

    public TimeTracking(Database database, TicketService tickets) {
        this.read = database.read();
        this.tickets = tickets;
    }

    /** Returns the time entries of a ticket that the viewer may read; otherwise NotFoundException. */
    public TimeBreakdown breakdown(Viewer viewer, long ticketId) {
        tickets.findVisible(viewer, ticketId);
        return breakdownOf(ticketId);
    }

    /** Returns the time entries of a ticket without an access check, for callers that checked it already. */
    TimeBreakdown breakdownOf(long ticketId) {
        List<TimeEntry> entries = read.withHandle(handle -> handle.createQuery(
                        "SELECT e.id, u.name, e.hundredths, e.created_at FROM time_entries e JOIN users u ON u.id = e.user_id "
                                + "WHERE e.ticket_id = :ticketId ORDER BY e.id")
                .bind("ticketId", ticketId)
                .map((rs, ctx) -> new TimeEntry(rs.getLong("id"), rs.getString("name"), new Hours(rs.getLong("hundredths")),
                        rs.getLong("created_at")))
                .list());
        Hours total = entries.stream().map(TimeEntry::hours).reduce(Hours.ZERO, Hours::plus);
        return new TimeBreakdown(entries, total);
    }

    /** Returns the total time that the user recorded on all tickets. */
    public Hours totalByUser(long userId) {
        return new Hours(read.withHandle(handle -> handle.createQuery(
                        "SELECT coalesce(sum(hundredths), 0) FROM time_entries WHERE user_id = :userId")
                .bind("userId", userId).mapTo(Long.class).one()));
    }

    /**
     * Returns the total hours of each ticket, for hourly billing, in one grouped query. Tickets
     * without time entries are left out of the map. There is no access check: the caller decides
     * who may see the hours.
     */
    public Map<Long, Hours> hoursByTicket(Collection<Long> ticketIds) {
        List<Long> ids = List.copyOf(ticketIds);
        Map<Long, Hours> hours = new HashMap<>();
        for (int start = 0; start < ids.size(); start += TICKETS_PER_QUERY) {
            List<Long> chunk = ids.subList(start, Math.min(start + TICKETS_PER_QUERY, ids.size()));
            read.useHandle(handle -> handle.createQuery(
                            "SELECT ticket_id, sum(hundredths) AS total FROM time_entries WHERE ticket_id IN (<ids>) GROUP BY ticket_id")
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> Map.entry(rs.getLong("ticket_id"), new Hours(rs.getLong("total"))))
                    .forEach(row -> hours.put(row.getKey(), row.getValue())));
        }
        return hours;
    }
}
