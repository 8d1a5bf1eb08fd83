package org.nodepoint.reports;

import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.nodepoint.clients.Client;
import org.nodepoint.config.Settings;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;
import org.nodepoint.users.Viewer;

/**
 * Known rows for every report, written straight into the database so that times and authors are
 * exact. Tickets 1 to 3 belong to the Public project Printers and ticket 4 to the Restricted
 * project Vault, which a level 1 reader may not see. The site's time zone is Europe/Berlin, and
 * report_lvl is 1 so that alice (level 1) reads reports.
 */
final class ReportFixture {
    static final Map<String, String> SETTINGS = Map.of(Settings.REPORTS_LEVEL, "1", Settings.TICKET_VISIBILITY, "Public",
            Settings.TIME_ZONE, "Europe/Berlin");

    final TestNodePoint node;
    final User alice;
    final User bob;
    final User zero;
    final User disabledUser;
    final User moderator;
    final long[] tickets = new long[4];

    ReportFixture(TestNodePoint node) {
        this.node = node;
        alice = node.user("alice", Level.AUTHORIZED);
        bob = node.user("bob", Level.RESTRICTED_VIEW);
        zero = node.user("zero", Level.UNAUTHORIZED);
        disabledUser = node.user("gone", Level.AUTHORIZED);
        moderator = node.user("moderator", Level.USERS_MANAGEMENT);
        Product printers = node.product("Printers", "Public");
        Product vault = node.product("Vault", "Restricted");
        Viewer admin = node.admin();
        tickets[0] = node.ticket(admin, printers, "Paper jam", "Tray 2 jams.");
        tickets[1] = node.ticket(admin, printers, "Toner low", "Order toner.");
        tickets[2] = node.ticket(admin, printers, "Driver", "Install the driver.");
        tickets[3] = node.ticket(admin, vault, "Safe code", "Change the code.");
        Client acme = node.client("Acme", "Paid");
        node.client("Beta", "Paid");
        node.client("Gamma", "Prospect");
        long article = node.article("Reset a printer", null, "Hold the button.", true);
        long draft = node.article("Vault procedures", null, "Draft.", false);
        node.wiring.database.write().useHandle(handle -> {
            handle.execute("UPDATE users SET disabled = 1 WHERE id = ?", disabledUser.id());
            ticket(handle, 0, alice, "New", "2026-03-01T10:00:00Z");
            // 23:30 UTC is 00:30 the next day in Berlin.
            ticket(handle, 1, alice, "Open", "2026-03-02T23:30:00Z");
            ticket(handle, 2, bob, "Closed", "2026-04-05T12:00:00Z");
            ticket(handle, 3, bob, "New", "2026-04-05T13:00:00Z");
            timeEntries(handle);
            assignees(handle);
            attachments(handle);
            articleLinks(handle, article, draft);
            shouts(handle);
            items(handle);
            clientEvents(handle, acme.id());
        });
    }

    private void ticket(Handle handle, int index, User author, String status, String created) {
        handle.execute("UPDATE tickets SET created_by = ?, status = ?, created_at = ? WHERE id = ?",
                author.id(), status, millis(created), tickets[index]);
    }

    private void timeEntries(Handle handle) {
        String insert = "INSERT INTO time_entries (ticket_id, user_id, hundredths, created_at) VALUES (?, ?, ?, ?)";
        handle.execute(insert, tickets[0], alice.id(), 150, millis("2026-03-01T11:00:00Z"));
        handle.execute(insert, tickets[0], bob.id(), -50, millis("2026-03-01T12:00:00Z"));
        handle.execute(insert, tickets[1], alice.id(), 25, millis("2026-03-03T09:00:00Z"));
        handle.execute(insert, tickets[3], bob.id(), 300, millis("2026-04-05T14:00:00Z"));
    }

    private void assignees(Handle handle) {
        String insert = "INSERT INTO ticket_assignees (ticket_id, user_id) VALUES (?, ?)";
        handle.execute(insert, tickets[0], bob.id());
        handle.execute(insert, tickets[3], bob.id());
        handle.execute(insert, tickets[1], alice.id());
    }

    /** Adds two comment attachments, one on a hidden ticket, and a file of the ticket itself, which the report leaves out. */
    private void attachments(Handle handle) {
        long visibleComment = comment(handle, tickets[0], alice);
        long hiddenComment = comment(handle, tickets[3], bob);
        String insert = "INSERT INTO attachments (ticket_id, comment_id, original_name, stored_name, size_bytes, content_type, "
                + "sha256, uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, 'text/plain', 'x', ?, ?)";
        handle.execute(insert, tickets[0], visibleComment, "=cmd.txt", "stored-1", 1000, alice.id(), millis("2026-03-01T12:00:00Z"));
        handle.execute(insert, tickets[3], hiddenComment, "code.txt", "stored-2", 500, bob.id(), millis("2026-04-05T15:00:00Z"));
        handle.execute(insert, tickets[0], null, "form.txt", "stored-3", 70, alice.id(), millis("2026-03-01T10:00:00Z"));
    }

    private static long comment(Handle handle, long ticketId, User author) {
        return handle.createUpdate("INSERT INTO comments (ticket_id, user_id, body, created_at) VALUES (:ticket, :user, 'See file.', 0)")
                .bind("ticket", ticketId).bind("user", author.id()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Links the published article to a visible and a hidden ticket, and the draft, which level 1 may not read, to one. */
    private void articleLinks(Handle handle, long article, long draft) {
        String insert = "INSERT INTO article_tickets (article_id, ticket_id, linked_by, linked_at) VALUES (?, ?, ?, 0)";
        handle.execute(insert, article, tickets[0], moderator.id());
        handle.execute(insert, article, tickets[3], moderator.id());
        handle.execute(insert, draft, tickets[1], moderator.id());
    }

    private void shouts(Handle handle) {
        handle.execute("INSERT INTO shouts (user_id, message, created_at) VALUES (?, 'Coffee is ready', ?)",
                alice.id(), millis("2026-03-01T08:00:00Z"));
        handle.execute("INSERT INTO shouts (user_id, message, created_at, deleted_at, deleted_by) VALUES (?, '=1+1', ?, ?, ?)",
                bob.id(), millis("2026-03-02T08:00:00Z"), millis("2026-03-02T09:15:00Z"), moderator.id());
    }

    private void items(Handle handle) {
        String insert = "INSERT INTO items (name, type, status, holder_id, expires_on, created_at) VALUES (?, 'Device', ?, ?, ?, 0)";
        handle.execute(insert, "Laptop", "checked_out", alice.id(), "2026-05-01");
        handle.execute(insert, "Phone", "checked_out", alice.id(), null);
        handle.execute(insert, "Tablet", "checked_out", bob.id(), null);
        handle.execute(insert, "Cable", "available", null, "2026-02-01");
    }

    private void clientEvents(Handle handle, long client) {
        String insert = "INSERT INTO client_events (client_id, type, summary, created_by, created_at) VALUES (?, 'phone', 'Call', ?, 0)";
        handle.execute(insert, client, alice.id());
        handle.execute(insert, client, alice.id());
        handle.execute(insert, client, bob.id());
    }

    static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }
}
