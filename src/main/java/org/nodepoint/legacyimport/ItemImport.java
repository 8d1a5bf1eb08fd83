package org.nodepoint.legacyimport;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.nodepoint.text.UserText;

/** Imports 1.x's inventory items, their expiry dates and their history. Item ids stay the 1.x rowids. */
final class ItemImport {
    /** The 1.x status numbers: 0 unavailable, 1 available, 2 waiting for approval, 3 checked out. */
    private static final String[] STATUSES = {"unavailable", "available", "waiting", "checked_out"};
    /** The fixed history texts of 1.x; "Assigned to X" and "Expiration set to D" carry a value. */
    private static final Map<String, String> ACTIONS = Map.of(
            "Requested", "requested",
            "Checked out", "checked_out",
            "Checkout approved", "approved",
            "Approval denied", "denied",
            "Returned", "returned",
            "Made available", "made_available",
            "Made unavailable", "made_unavailable",
            "Expiration date removed", "expiry_removed");

    private ItemImport() {
    }

    static void run(ImportContext context) throws SQLException {
        Map<String, Long> serials = new HashMap<>();
        context.each("items", (row, report) -> importItem(context, row, report, serials));
        context.each("item_expiration", (row, report) -> importExpiry(context, row, report));
        context.each("checkouts", (row, report) -> importHistory(context, row, report));
    }

    private static void importItem(ImportContext context, LegacyRow row, TableReport report, Map<String, Long> serials) {
        String serial = UserText.singleLine(row.text("serial"));
        String serialKey = serial.isEmpty() ? null : UserText.nameKey(serial);
        if (serialKey != null && serials.containsKey(serialKey)) {
            report.skip("serial number already used by item " + serials.get(serialKey));
            return;
        }
        String status = status(row, report);
        Long holder = null;
        if (status.equals("waiting") || status.equals("checked_out")) {
            Optional<Long> user = row.raw("user").isBlank() ? Optional.empty()
                    : Optional.of(context.users.resolve(row.raw("user"), context.report(UserIds.PLACEHOLDERS)));
            if (user.isEmpty()) {
                status = "available";
                report.repair("waiting or checked out without a user; set to available");
            } else {
                holder = user.get();
            }
        }
        String name = UserText.singleLine(row.text("name"));
        String type = UserText.singleLine(row.text("type"));
        context.handle.createUpdate("INSERT INTO items (id, name, type, serial, serial_key, product_id, client_id, needs_approval, status, "
                        + "holder_id, info, created_at) VALUES (:id, :name, :type, :serial, :serialKey, :product, :client, :approval, :status, "
                        + ":holder, :info, :created)")
                .bind("id", row.rowid())
                .bind("name", name.isEmpty() ? "Item " + row.rowid() : name)
                .bind("type", type.isEmpty() ? "Other" : type)
                .bind("serial", serialKey == null ? null : serial).bind("serialKey", serialKey)
                .bind("product", reference(context, row, "productid", "products", report))
                .bind("client", reference(context, row, "clientid", "clients", report))
                .bind("approval", Long.valueOf(1).equals(row.number("approval")) ? 1 : 0)
                .bind("status", status).bind("holder", holder)
                .bind("info", UserText.multiLine(row.text("info")))
                .bind("created", context.now)
                .execute();
        context.added("items", row.rowid());
        if (serialKey != null) {
            serials.put(serialKey, row.rowid());
        }
        report.imported();
    }

    private static String status(LegacyRow row, TableReport report) {
        Long code = row.number("status");
        if (code == null || code < 0 || code >= STATUSES.length) {
            report.repair("status is not 0 to 3; set to unavailable");
            return STATUSES[0];
        }
        return STATUSES[code.intValue()];
    }

    /** Returns the product or client id, or null for 0 (none) and for one that does not exist, which counts as repaired. */
    private static Long reference(ImportContext context, LegacyRow row, String column, String table, TableReport report) {
        Long id = row.number(column);
        if (id == null || id == 0) {
            return null;
        }
        if (!context.exists(table, id)) {
            report.repair(column + " names a missing row; set to none");
            return null;
        }
        return id;
    }

    private static void importExpiry(ImportContext context, LegacyRow row, TableReport report) {
        Long item = row.number("itemid");
        if (item == null || !context.exists("items", item)) {
            report.skip("item " + row.raw("itemid") + " does not exist");
            return;
        }
        Optional<String> day = LegacyDates.day(row.raw("date"));
        if (day.isEmpty()) {
            report.skip("date does not contain a day as mm/dd/yyyy");
            return;
        }
        context.handle.createUpdate("UPDATE items SET expires_on = :day WHERE id = :id").bind("day", day.get()).bind("id", item).execute();
        report.imported();
    }

    private static void importHistory(ImportContext context, LegacyRow row, TableReport report) {
        Long item = row.number("itemid");
        if (item == null || !context.exists("items", item)) {
            report.skip("item " + row.raw("itemid") + " does not exist");
            return;
        }
        String event = row.text("event").strip();
        String action = ACTIONS.get(event);
        Long concerned = null;
        String detail = "";
        if (event.startsWith("Assigned to ")) {
            action = "assigned";
            concerned = context.users.resolve(event.substring("Assigned to ".length()), context.report(UserIds.PLACEHOLDERS));
        } else if (event.startsWith("Expiration set to ")) {
            action = "expiry_set";
            detail = LegacyDates.day(event).orElse(event.substring("Expiration set to ".length()));
        }
        if (action == null) {
            report.skip("event is not one that 1.x writes");
            return;
        }
        context.handle.createUpdate("INSERT INTO item_history (id, item_id, action, actor_id, user_id, detail, created_at) "
                        + "VALUES (:id, :item, :action, :actor, :user, :detail, :at)")
                .bind("id", row.rowid()).bind("item", item).bind("action", action)
                .bind("actor", context.users.resolve(row.raw("user"), context.report(UserIds.PLACEHOLDERS)))
                .bind("user", concerned).bind("detail", detail)
                .bind("at", context.requiredTime(row, "time", report))
                .execute();
        report.imported();
    }
}
