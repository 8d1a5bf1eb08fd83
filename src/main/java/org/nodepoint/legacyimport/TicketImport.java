package org.nodepoint.legacyimport;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import org.nodepoint.text.UserText;
import org.nodepoint.uploads.StoredFile;

/**
 * Imports 1.x's tickets with their assignees, followers and attention flags, then comments with
 * their files, then time entries. Ticket and comment ids stay the 1.x rowids, so that the ids
 * that 1.x API clients hold still name the same records.
 */
final class TicketImport {
    private static final Set<String> STATUSES = Set.of("New", "Open", "Invalid", "Hold", "Duplicate", "Resolved", "Closed");

    private TicketImport() {
    }

    static void run(ImportContext context) throws SQLException {
        context.each("tickets", (row, report) -> importTicket(context, row, report));
        context.each("escalate", (row, report) -> importAttention(context, row, report));
        context.each("comments", (row, report) -> importComment(context, row, report));
        context.each("timetracking", (row, report) -> importTime(context, row, report));
    }

    private static void importTicket(ImportContext context, LegacyRow row, TableReport report) {
        Long product = row.number("productid");
        if (product == null || !context.exists("products", product)) {
            report.skip("product " + row.raw("productid") + " does not exist");
            return;
        }
        String status = row.raw("status").strip();
        if (!STATUSES.contains(status)) {
            status = "New";
            report.repair("status is not one of New, Open, Invalid, Hold, Duplicate, Resolved, Closed; set to New");
        }
        context.handle.createUpdate("INSERT INTO tickets (id, product_id, release, created_by, title, description, priority, status, resolution, "
                        + "created_at, updated_at) VALUES (:id, :product, :release, :by, :title, :description, :priority, :status, :resolution, "
                        + ":created, :updated)")
                .bind("id", row.rowid()).bind("product", product)
                .bind("release", UserText.singleLine(row.text("releaseid")))
                .bind("by", user(context, row.raw("createdby")))
                .bind("title", UserText.singleLine(row.text("title")))
                .bind("description", UserText.multiLine(row.text("description")))
                .bind("priority", priority(row.raw("link"), report))
                .bind("status", status)
                .bind("resolution", UserText.multiLine(row.text("resolution")))
                .bind("created", context.requiredTime(row, "created", report))
                .bind("updated", context.optionalTime(row, "modified", report).orElse(null))
                .execute();
        context.added("tickets", row.rowid());
        addUsers(context, row.rowid(), row.raw("assignedto"), "ticket_assignees");
        addUsers(context, row.rowid(), row.raw("subscribers"), "ticket_followers");
        report.imported();
    }

    /** Maps the priority that 1.x kept in the column "link" to 0 Low, 1 Normal or 2 High. */
    private static int priority(String link, TableReport report) {
        return switch (link.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "low" -> 0;
            case "normal" -> 1;
            case "high" -> 2;
            default -> {
                report.repair("priority is not Low, Normal or High; set to Normal");
                yield 1;
            }
        };
    }

    /** Adds the users of a space-separated 1.x name list to the table, ignoring repeated names. */
    private static void addUsers(ImportContext context, long ticketId, String names, String table) {
        for (String name : names.strip().split("\\s+")) {
            if (name.isEmpty()) {
                continue;
            }
            context.handle.createUpdate("INSERT OR IGNORE INTO " + table + " (ticket_id, user_id) VALUES (:ticket, :user)")
                    .bind("ticket", ticketId).bind("user", user(context, name)).execute();
        }
    }

    private static long user(ImportContext context, String name) {
        return context.users.resolve(name, context.report(UserIds.PLACEHOLDERS));
    }

    private static void importAttention(ImportContext context, LegacyRow row, TableReport report) {
        Long ticket = row.number("ticketid");
        if (ticket == null || !context.exists("tickets", ticket)) {
            report.skip("ticket " + row.raw("ticketid") + " does not exist");
            return;
        }
        Optional<Long> user = context.users.find(row.raw("user"));
        if (user.isEmpty()) {
            report.skip("user does not exist");
            return;
        }
        int added = context.handle.createUpdate("INSERT OR IGNORE INTO ticket_attention (user_id, ticket_id, flagged_by, created_at) "
                        + "VALUES (:user, :ticket, :by, :at)")
                .bind("user", user.get()).bind("ticket", ticket).bind("by", context.users.systemId()).bind("at", context.now).execute();
        if (added == 0) {
            report.skip("the user's flag on this ticket is already imported");
            return;
        }
        report.imported();
    }

    private static void importComment(ImportContext context, LegacyRow row, TableReport report) {
        Long ticket = row.number("ticketid");
        if (ticket == null || !context.exists("tickets", ticket)) {
            report.skip("ticket " + row.raw("ticketid") + " does not exist");
            return;
        }
        long author = user(context, row.raw("name"));
        long created = context.requiredTime(row, "created", report);
        context.handle.createUpdate("INSERT INTO comments (id, ticket_id, user_id, body, created_at, updated_at) "
                        + "VALUES (:id, :ticket, :user, :body, :created, :updated)")
                .bind("id", row.rowid()).bind("ticket", ticket).bind("user", author)
                .bind("body", UserText.multiLine(row.text("comment")))
                .bind("created", created)
                .bind("updated", context.optionalTime(row, "modified", report).orElse(null))
                .execute();
        report.imported();
        importCommentFile(context, row, ticket, author, created);
    }

    private static void importCommentFile(ImportContext context, LegacyRow row, long ticket, long author, long created) {
        String file = row.raw("file").strip();
        if (file.isEmpty()) {
            return;
        }
        TableReport report = context.report("comments.file (files)");
        report.read();
        String originalName = LegacyNames.fileName(row.text("filename"), "attachment");
        Optional<StoredFile> stored = context.uploads.copy(file, originalName);
        if (stored.isEmpty()) {
            report.skip(context.uploads.reasonNotFound(file) + "; the comment is imported without it");
            return;
        }
        context.handle.createUpdate("INSERT INTO attachments (ticket_id, comment_id, original_name, stored_name, size_bytes, content_type, "
                        + "sha256, uploaded_by, created_at) VALUES (:ticket, :comment, :name, :stored, :size, :type, :sha256, :by, :at)")
                .bind("ticket", ticket).bind("comment", row.rowid()).bind("name", originalName)
                .bind("stored", stored.get().storedName()).bind("size", stored.get().size()).bind("type", stored.get().contentType())
                .bind("sha256", stored.get().sha256()).bind("by", author).bind("at", created)
                .execute();
        report.imported();
        FileImport.reportNameRepair(row, originalName, report);
    }

    private static void importTime(ImportContext context, LegacyRow row, TableReport report) {
        Long ticket = row.number("ticketid");
        if (ticket == null || !context.exists("tickets", ticket)) {
            report.skip("ticket " + row.raw("ticketid") + " does not exist");
            return;
        }
        Double hours = row.decimal("spent");
        if (hours == null || hours.isNaN() || hours.isInfinite()) {
            report.skip("hours spent is not a number");
            return;
        }
        context.handle.createUpdate("INSERT INTO time_entries (id, ticket_id, user_id, hundredths, created_at) VALUES (:id, :ticket, :user, :hundredths, :at)")
                .bind("id", row.rowid()).bind("ticket", ticket).bind("user", user(context, row.raw("name")))
                .bind("hundredths", Math.round(hours * 100))
                .bind("at", context.requiredTime(row, "time", report))
                .execute();
        report.imported();
    }
}
