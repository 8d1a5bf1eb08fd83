package org.nodepoint.reports;

import static org.nodepoint.reports.ReportColumn.count;
import static org.nodepoint.reports.ReportColumn.date;
import static org.nodepoint.reports.ReportColumn.hours;
import static org.nodepoint.reports.ReportColumn.number;
import static org.nodepoint.reports.ReportColumn.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nodepoint.config.Component;

/**
 * The reports over tickets and their time entries. Each statement keeps to the tickets that the
 * viewer may read, with the condition of the ticket list, so that a hidden ticket is neither
 * listed nor counted.
 */
final class TicketReports {
    /** Orders statuses from New to Closed, then Duplicate and Invalid. */
    private static final String STATUS_ORDER = "CASE t.status WHEN 'New' THEN 0 WHEN 'Open' THEN 1 WHEN 'Hold' THEN 2 "
            + "WHEN 'Resolved' THEN 3 WHEN 'Closed' THEN 4 WHEN 'Duplicate' THEN 5 ELSE 6 END, t.status";

    private TicketReports() {
    }

    static List<ReportDefinition> all() {
        return List.of(timePerUser(), timePerTicket(), ticketsPerProject(), ticketsPerUser(), ticketsPerDay(),
                ticketsPerMonth(), ticketsPerStatus());
    }

    /** Returns the ticket reports after "users per level": numbers 9 to 13. */
    static List<ReportDefinition> more() {
        return List.of(assignedPerUser(), newAndOpenPerProject(), ownTime(), commentAttachments(), ticketsPerArticle());
    }

    private static ReportDefinition timePerUser() {
        return new ReportDefinition(1, "timePerUser", Component.TIME_TRACKING, 0,
                List.of(text("user"), hours("hours")),
                // A viewer who may read every ticket needs no ticket rows: the sums come from one index of the time entries.
                ReportQuery.of((scope, binds) -> scope.seesEveryTicket()
                        ? "SELECT u.name AS user, s.hours AS hours FROM (SELECT e.user_id, sum(e.hundredths) AS hours "
                                + "FROM time_entries e GROUP BY e.user_id) s JOIN users u ON u.id = s.user_id "
                                + "ORDER BY u.name COLLATE NOCASE, s.user_id"
                        : "SELECT u.name AS user, sum(e.hundredths) AS hours "
                                + "FROM time_entries e JOIN tickets t ON t.id = e.ticket_id JOIN users u ON u.id = e.user_id "
                                + "WHERE " + scope.readableTickets(binds) + " GROUP BY e.user_id ORDER BY u.name COLLATE NOCASE, e.user_id"));
    }

    private static ReportDefinition timePerTicket() {
        return new ReportDefinition(2, "timePerTicket", Component.TIME_TRACKING, 0,
                List.of(number("ticket"), text("title"), hours("hours")),
                // For a viewer who may read every ticket, the titles are read for the rows shown only, and the
                // groups come in index order, so a page stops after its rows.
                ReportQuery.of((scope, binds) -> scope.seesEveryTicket()
                        ? "SELECT s.ticket AS ticket, (SELECT t.title FROM tickets t WHERE t.id = s.ticket) AS title, s.hours AS hours "
                                + "FROM (SELECT e.ticket_id AS ticket, sum(e.hundredths) AS hours FROM time_entries e "
                                + "GROUP BY e.ticket_id ORDER BY e.ticket_id DESC) s ORDER BY s.ticket DESC"
                        : "SELECT t.id AS ticket, t.title AS title, sum(e.hundredths) AS hours "
                                + "FROM time_entries e JOIN tickets t ON t.id = e.ticket_id "
                                + "WHERE " + scope.readableTickets(binds) + " GROUP BY e.ticket_id ORDER BY e.ticket_id DESC"));
    }

    private static ReportDefinition ticketsPerProject() {
        return new ReportDefinition(3, "ticketsPerProject", Component.TICKETS, 0,
                List.of(text("project"), count("tickets")),
                ReportQuery.of((scope, binds) -> "SELECT p.name AS project, count(*) AS tickets "
                        + "FROM tickets t JOIN products p ON p.id = t.product_id "
                        + "WHERE " + scope.readableTickets(binds) + " GROUP BY t.product_id ORDER BY p.name_key, t.product_id"));
    }

    private static ReportDefinition ticketsPerUser() {
        return new ReportDefinition(4, "ticketsPerUser", Component.TICKETS, 0,
                List.of(text("user"), count("tickets")),
                ReportQuery.of((scope, binds) -> "SELECT u.name AS user, count(*) AS tickets "
                        + "FROM tickets t JOIN users u ON u.id = t.created_by "
                        + "WHERE " + scope.readableTickets(binds) + " GROUP BY t.created_by ORDER BY u.name COLLATE NOCASE, t.created_by"));
    }

    private static ReportDefinition ticketsPerDay() {
        return new ReportDefinition(5, "ticketsPerDay", Component.TICKETS, 0,
                List.of(date("day"), count("tickets")),
                ReportQuery.of((scope, binds) -> "SELECT date(d * 86400, 'unixepoch') AS day, n AS tickets FROM ("
                        + ticketsPerDayNumber(scope, binds) + ") ORDER BY day DESC"));
    }

    private static ReportDefinition ticketsPerMonth() {
        return new ReportDefinition(6, "ticketsPerMonth", Component.TICKETS, 0,
                List.of(date("month"), count("tickets")),
                ReportQuery.of((scope, binds) -> "SELECT strftime('%Y-%m', d * 86400, 'unixepoch') AS month, sum(n) AS tickets FROM ("
                        + ticketsPerDayNumber(scope, binds) + ") GROUP BY month ORDER BY month DESC"));
    }

    /** Returns a statement of the readable tickets created on each local day, as day number d and count n. */
    private static String ticketsPerDayNumber(ReportScope scope, Map<String, Object> binds) {
        return "SELECT " + scope.localDayNumber("t.created_at") + " AS d, count(*) AS n FROM tickets t WHERE "
                + scope.readableTickets(binds) + " GROUP BY d";
    }

    private static ReportDefinition ticketsPerStatus() {
        return new ReportDefinition(7, "ticketsPerStatus", Component.TICKETS, 0,
                List.of(text("status"), count("tickets")),
                ReportQuery.of((scope, binds) -> "SELECT t.status AS status, count(*) AS tickets FROM tickets t "
                        + "WHERE " + scope.readableTickets(binds) + " GROUP BY t.status ORDER BY " + STATUS_ORDER));
    }

    private static ReportDefinition assignedPerUser() {
        return new ReportDefinition(9, "assignedPerUser", Component.TICKETS, 0,
                List.of(text("user"), count("tickets")),
                // As in time per user, a viewer who may read every ticket gets counts from one index alone.
                ReportQuery.of((scope, binds) -> scope.seesEveryTicket()
                        ? "SELECT u.name AS user, s.n AS tickets FROM (SELECT ta.user_id, count(*) AS n FROM ticket_assignees ta "
                                + "GROUP BY ta.user_id) s JOIN users u ON u.id = s.user_id ORDER BY u.name COLLATE NOCASE, s.user_id"
                        : "SELECT u.name AS user, count(*) AS tickets "
                                + "FROM ticket_assignees ta JOIN tickets t ON t.id = ta.ticket_id JOIN users u ON u.id = ta.user_id "
                                + "WHERE " + scope.readableTickets(binds) + " GROUP BY ta.user_id ORDER BY u.name COLLATE NOCASE, ta.user_id"));
    }

    private static ReportDefinition newAndOpenPerProject() {
        return new ReportDefinition(10, "newAndOpenPerProject", Component.TICKETS, 0,
                List.of(text("project"), count("newTickets"), count("openTickets")),
                ReportQuery.of((scope, binds) -> "SELECT p.name AS project, sum(t.status = 'New') AS newTickets, "
                        + "sum(t.status = 'Open') AS openTickets FROM tickets t JOIN products p ON p.id = t.product_id "
                        + "WHERE t.status IN ('New', 'Open') AND " + scope.readableTickets(binds)
                        + " GROUP BY t.product_id ORDER BY p.name_key, t.product_id"));
    }

    /** Lists the viewer's own time entries, newest first, on tickets that the viewer may still read. */
    private static ReportDefinition ownTime() {
        return new ReportDefinition(11, "ownTime", Component.TIME_TRACKING, 0,
                List.of(date("recorded"), number("ticket"), text("title"), hours("hours")),
                scope -> {
                    Map<String, Object> binds = new LinkedHashMap<>();
                    binds.put("report_viewer", scope.viewer().userId());
                    String sql = "SELECT e.created_at AS recorded, t.id AS ticket, t.title AS title, e.hundredths AS hours "
                            + "FROM time_entries e JOIN tickets t ON t.id = e.ticket_id "
                            + "WHERE e.user_id = :report_viewer AND " + scope.readableTickets(binds) + " ORDER BY e.id DESC";
                    return new ReportSql(sql, binds);
                });
    }

    private static ReportDefinition commentAttachments() {
        return new ReportDefinition(12, "commentAttachments", Component.TICKETS, 0,
                List.of(date("uploaded"), number("ticket"), text("fileName"), count("sizeBytes"), text("uploadedBy")),
                ReportQuery.of((scope, binds) -> "SELECT f.created_at AS uploaded, t.id AS ticket, f.original_name AS fileName, "
                        + "f.size_bytes AS sizeBytes, u.name AS uploadedBy "
                        + "FROM attachments f JOIN tickets t ON t.id = f.ticket_id JOIN users u ON u.id = f.uploaded_by "
                        + "WHERE f.comment_id IS NOT NULL AND " + scope.readableTickets(binds) + " ORDER BY f.id DESC"));
    }

    /** Linked tickets per article, counting only articles and tickets that the viewer may read. */
    private static ReportDefinition ticketsPerArticle() {
        return new ReportDefinition(13, "ticketsPerArticle", Component.ARTICLES, 0,
                List.of(text("article"), count("tickets")),
                ReportQuery.of((scope, binds) -> "SELECT a.title AS article, count(*) AS tickets "
                        + "FROM article_tickets l JOIN articles a ON a.id = l.article_id JOIN tickets t ON t.id = l.ticket_id "
                        + "WHERE " + scope.readableArticles(binds) + " AND " + scope.readableTickets(binds)
                        + " GROUP BY l.article_id ORDER BY a.title COLLATE NOCASE, l.article_id"));
    }
}
