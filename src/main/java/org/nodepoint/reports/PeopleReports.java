package org.nodepoint.reports;

import static org.nodepoint.reports.ReportColumn.count;
import static org.nodepoint.reports.ReportColumn.date;
import static org.nodepoint.reports.ReportColumn.number;
import static org.nodepoint.reports.ReportColumn.text;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nodepoint.auth.SessionService;
import org.nodepoint.config.Component;
import org.nodepoint.users.Level;

/** The reports over accounts, the shoutbox, inventory and clients. None of them reads tickets. */
final class PeopleReports {
    private PeopleReports() {
    }

    static ReportDefinition usersPerLevel() {
        return new ReportDefinition(8, "usersPerLevel", null, 0,
                List.of(number("level"), count("users")),
                ReportQuery.of((scope, binds) -> "SELECT u.level AS level, count(*) AS users FROM users u "
                        + "WHERE u.kind = 'local' GROUP BY u.level ORDER BY u.level"));
    }

    /** Reports 14 to 20. */
    static List<ReportDefinition> all() {
        return List.of(shoutboxHistory(), itemsPerHolder(), clientsPerStatus(), activeSessions(), itemExpirations(),
                disabledUsers(), eventsPerUser());
    }

    /** Lists every message, deleted ones included with who deleted them and when, newest first. */
    private static ReportDefinition shoutboxHistory() {
        return new ReportDefinition(14, "shoutboxHistory", Component.SHOUTBOX, 0,
                List.of(date("posted"), text("user"), text("message"), date("deleted"), text("deletedBy")),
                ReportQuery.of((scope, binds) -> "SELECT s.created_at AS posted, u.name AS user, s.message AS message, "
                        + "s.deleted_at AS deleted, d.name AS deletedBy "
                        + "FROM shouts s JOIN users u ON u.id = s.user_id LEFT JOIN users d ON d.id = s.deleted_by ORDER BY s.id DESC"));
    }

    private static ReportDefinition itemsPerHolder() {
        return new ReportDefinition(15, "itemsPerHolder", Component.ITEMS, 0,
                List.of(text("user"), count("items")),
                ReportQuery.of((scope, binds) -> "SELECT u.name AS user, count(*) AS items "
                        + "FROM items i JOIN users u ON u.id = i.holder_id WHERE i.status = 'checked_out' "
                        + "GROUP BY i.holder_id ORDER BY u.name COLLATE NOCASE, i.holder_id"));
    }

    private static ReportDefinition clientsPerStatus() {
        return new ReportDefinition(16, "clientsPerStatus", Component.CLIENTS, 0,
                List.of(text("status"), count("clients")),
                ReportQuery.of((scope, binds) -> "SELECT c.status AS status, count(*) AS clients FROM clients c "
                        + "GROUP BY c.status ORDER BY c.status"));
    }

    /**
     * Lists the sessions that still let their user in, with the same expiry rules as the sign-in check.
     * Level 5 (users management) and up only, because it shows who is signed in and since when.
     * The token and its hash are never selected. NodePoint does not store a session's address.
     */
    private static ReportDefinition activeSessions() {
        return new ReportDefinition(17, "activeSessions", null, Level.USERS_MANAGEMENT,
                List.of(text("user"), date("started"), date("lastSeen"), date("expires")),
                scope -> {
                    long now = scope.now().toEpochMilli();
                    Map<String, Object> binds = new LinkedHashMap<>();
                    binds.put("now", now);
                    binds.put("idle_since", now - SessionService.MAX_IDLE.toMillis());
                    binds.put("started_after", now - Duration.ofHours(scope.sessionExpiryHours()).toMillis());
                    String sql = "SELECT u.name AS user, s.created_at AS started, s.last_seen_at AS lastSeen, "
                            + "s.expires_at AS expires FROM sessions s JOIN users u ON u.id = s.user_id "
                            + "WHERE s.expires_at > :now AND s.last_seen_at > :idle_since AND s.created_at > :started_after "
                            + "AND u.disabled = 0 ORDER BY s.last_seen_at DESC, s.id DESC";
                    return new ReportSql(sql, binds);
                });
    }

    private static ReportDefinition itemExpirations() {
        return new ReportDefinition(18, "itemExpirations", Component.ITEMS, 0,
                List.of(date("expiresOn"), text("item"), text("serial"), text("status"), text("holder")),
                ReportQuery.of((scope, binds) -> "SELECT i.expires_on AS expiresOn, i.name AS item, i.serial AS serial, "
                        + "i.status AS status, h.name AS holder FROM items i LEFT JOIN users h ON h.id = i.holder_id "
                        + "WHERE i.expires_on IS NOT NULL ORDER BY i.expires_on, i.id"));
    }

    /** Accounts at level 0, which may sign in but do nothing else, and accounts switched off. */
    private static ReportDefinition disabledUsers() {
        return new ReportDefinition(19, "disabledUsers", null, 0,
                List.of(text("user"), number("level"), date("created"), date("lastSignIn")),
                ReportQuery.of((scope, binds) -> "SELECT u.name AS user, u.level AS level, u.created_at AS created, "
                        + "u.last_login_at AS lastSignIn FROM users u "
                        + "WHERE u.kind = 'local' AND (u.level = 0 OR u.disabled = 1) ORDER BY u.name COLLATE NOCASE, u.id"));
    }

    private static ReportDefinition eventsPerUser() {
        return new ReportDefinition(20, "eventsPerUser", Component.CLIENTS, 0,
                List.of(text("user"), count("events")),
                ReportQuery.of((scope, binds) -> "SELECT u.name AS user, count(*) AS events "
                        + "FROM client_events e JOIN users u ON u.id = e.created_by "
                        + "GROUP BY e.created_by ORDER BY u.name COLLATE NOCASE, e.created_by"));
    }
}
