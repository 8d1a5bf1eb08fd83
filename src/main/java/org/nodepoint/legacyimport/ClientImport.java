package org.nodepoint.legacyimport;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.nodepoint.text.UserText;

/**
 * Imports 1.x's clients, their billing terms, billable tickets and CRM events. Client ids stay the
 * 1.x rowids. Billing rows in 1.x named their client, so they find it here by the name key.
 */
final class ClientImport {
    private static final Set<String> STATUSES = Set.of("Prospect", "Contact", "Supplier", "Paid", "Unpaid", "Closed");
    /** The event kinds that the 1.x web form offered, by their label; API events kept free text. */
    private static final Map<String, String> EVENT_TYPES = Map.of(
            "Email dialog", "email",
            "Phone call", "phone",
            "Online meeting", "online_meeting",
            "In-person meeting", "in_person",
            "Other contact", "other");

    private ClientImport() {
    }

    static void run(ImportContext context) throws SQLException {
        Map<String, Long> idsByName = new HashMap<>();
        context.each("clients", (row, report) -> importClient(context, row, report, idsByName));
        context.each("billing_defaults", (row, report) -> importTerms(context, row, report, idsByName));
        context.each("billing", (row, report) -> importBillable(context, row, report, idsByName));
        context.each("events", (row, report) -> importEvent(context, row, report));
    }

    private static void importClient(ImportContext context, LegacyRow row, TableReport report, Map<String, Long> idsByName) {
        String name = UserText.singleLine(row.text("name"));
        if (name.isEmpty()) {
            name = "Client " + row.rowid();
            report.repair("name is empty; named 'Client <id>'");
        }
        String key = UserText.nameKey(name);
        if (idsByName.containsKey(key)) {
            name = name + " (" + row.rowid() + ")";
            key = UserText.nameKey(name);
            report.repair("name already used by another client; the id is appended in brackets and billing rows find the first one");
        }
        String status = row.raw("status").strip();
        if (!STATUSES.contains(status)) {
            status = "Contact";
            report.repair("status is not Prospect, Contact, Supplier, Paid, Unpaid or Closed; set to Contact");
        }
        long modified = context.requiredTime(row, "modified", report);
        context.handle.createUpdate("INSERT INTO clients (id, name, name_key, status, contact, notes, created_at, updated_at) "
                        + "VALUES (:id, :name, :key, :status, :contact, :notes, :created, :updated)")
                .bind("id", row.rowid()).bind("name", name).bind("key", key).bind("status", status)
                .bind("contact", UserText.multiLine(row.text("contact"))).bind("notes", UserText.multiLine(row.text("notes")))
                .bind("created", modified).bind("updated", modified)
                .execute();
        context.added("clients", row.rowid());
        idsByName.put(key, row.rowid());
        report.imported();
    }

    private static void importTerms(ImportContext context, LegacyRow row, TableReport report, Map<String, Long> idsByName) {
        Long client = idsByName.get(UserText.nameKey(row.text("client")));
        if (client == null) {
            report.skip("no client has this name");
            return;
        }
        Double cost = row.decimal("cost");
        if (cost == null || cost < 0 || cost.isInfinite()) {
            report.skip("cost is not a number of 0 or more");
            return;
        }
        String currency = row.text("currency").strip();
        if (currency.isEmpty() || currency.length() > 4) {
            currency = "USD";
            report.repair("currency is empty or longer than 4 characters; set to USD");
        }
        context.handle.createUpdate("INSERT OR REPLACE INTO client_billing (client_id, type, rate_cents, currency, updated_by, updated_at) "
                        + "VALUES (:client, :type, :cents, :currency, :by, :at)")
                .bind("client", client).bind("type", Long.valueOf(1).equals(row.number("type")) ? "hourly" : "fixed")
                .bind("cents", Math.round(cost * 100)).bind("currency", currency)
                .bind("by", context.users.systemId()).bind("at", context.now)
                .execute();
        report.imported();
    }

    private static void importBillable(ImportContext context, LegacyRow row, TableReport report, Map<String, Long> idsByName) {
        Long ticket = row.number("ticketid");
        if (ticket == null || !context.exists("tickets", ticket)) {
            report.skip("ticket " + row.raw("ticketid") + " does not exist");
            return;
        }
        Long client = idsByName.get(UserText.nameKey(row.text("client")));
        if (client == null) {
            report.skip("no client has this name");
            return;
        }
        int added = context.handle.createUpdate("INSERT OR IGNORE INTO ticket_billing (ticket_id, client_id, created_by, created_at) "
                        + "VALUES (:ticket, :client, :by, :at)")
                .bind("ticket", ticket).bind("client", client).bind("by", context.users.systemId()).bind("at", context.now)
                .execute();
        if (added == 0) {
            report.skip("the ticket is already billable to a client");
            return;
        }
        report.imported();
    }

    private static void importEvent(ImportContext context, LegacyRow row, TableReport report) {
        Long client = row.number("clientid");
        if (client == null || !context.exists("clients", client)) {
            report.skip("client " + row.raw("clientid") + " does not exist");
            return;
        }
        String label = UserText.singleLine(row.text("type"));
        context.handle.createUpdate("INSERT INTO client_events (id, client_id, type, summary, notes, created_by, created_at) "
                        + "VALUES (:id, :client, :type, :summary, :notes, :by, :at)")
                .bind("id", row.rowid()).bind("client", client)
                .bind("type", EVENT_TYPES.getOrDefault(label, label))
                .bind("summary", UserText.singleLine(row.text("summary")))
                .bind("notes", UserText.multiLine(row.text("notes")))
                .bind("by", context.users.resolve(row.raw("user"), context.report(UserIds.PLACEHOLDERS)))
                .bind("at", context.requiredTime(row, "time", report))
                .execute();
        report.imported();
    }
}
