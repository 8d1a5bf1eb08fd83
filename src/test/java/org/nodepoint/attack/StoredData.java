package org.nodepoint.attack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.nodepoint.testing.TestNodePoint;

/**
 * A snapshot of what hostile input must not change: the row count of every table, each user's
 * level, the rows of objects that no attacked form edits, and the settings.
 */
record StoredData(Map<String, Long> rowCounts, Map<Long, Integer> levels, long schemaObjects, String untouchedRows,
        Map<String, String> settings) {
    /**
     * The tables whose row counts are compared. Sessions are left out because every sign-in adds one,
     * and ticket_form_fields because saving a form replaces its questions with as many as it has now.
     */
    static final List<String> TABLES = List.of("users", "products", "releases", "tickets", "ticket_assignees", "ticket_followers",
            "comments", "ticket_changes", "ticket_change_fields", "time_entries", "ticket_forms", "product_forms", "ticket_answers",
            "product_auto_assignees", "ticket_attention", "attachments", "product_images", "form_submissions",
            "items", "item_history",
            "clients", "client_events", "client_billing", "ticket_billing",
            "shouts", "shared_files", "file_downloads", "hidden_home_panels",
            "tasks", "task_log",
            "articles", "article_tickets", "article_favourites");

    /** Objects that no attacked form or call targets, so their rows must stay exactly as they are. */
    record Untouched(long productId, long ticketId, long userId, long clientId) {
    }

    static StoredData take(TestNodePoint node, Untouched untouched) {
        return node.wiring.database.read().withHandle(handle -> {
            // One query for all counts, because the attack tests take two snapshots per batch of inputs.
            String countAll = TABLES.stream().map(table -> "(SELECT count(*) FROM " + table + ") AS " + table)
                    .collect(Collectors.joining(", ", "SELECT ", ""));
            Map<String, Long> counts = new LinkedHashMap<>();
            handle.createQuery(countAll).mapToMap().one().forEach((table, count) -> counts.put(table, ((Number) count).longValue()));
            Map<Long, Integer> levels = new LinkedHashMap<>();
            handle.createQuery("SELECT id, level FROM users ORDER BY id")
                    .map((row, ctx) -> Map.entry(row.getLong("id"), row.getInt("level")))
                    .forEach(entry -> levels.put(entry.getKey(), entry.getValue()));
            long schemaObjects = handle.createQuery("SELECT count(*) FROM sqlite_master").mapTo(Long.class).one();
            return new StoredData(counts, levels, schemaObjects, describeUntouched(handle, untouched), node.settings().asMap());
        });
    }

    /**
     * Lists each difference from {@code before} that the requests in between were not allowed to
     * make. Tables in {@code writable} may gain rows, and a new user must have a level from
     * {@code lowestNewLevel} to {@code highestNewLevel}.
     */
    List<String> unexpectedChanges(StoredData before, Set<String> writable, int lowestNewLevel, int highestNewLevel) {
        List<String> changes = new ArrayList<>();
        for (String table : TABLES) {
            long was = before.rowCounts().get(table);
            long now = rowCounts.get(table);
            if (now < was || (now > was && !writable.contains(table))) {
                changes.add("rows in " + table + " went from " + was + " to " + now);
            }
        }
        before.levels().forEach((id, level) -> {
            if (!level.equals(levels.get(id))) {
                changes.add("level of user " + id + " went from " + level + " to " + levels.get(id));
            }
        });
        levels.forEach((id, level) -> {
            if (!before.levels().containsKey(id) && (level < lowestNewLevel || level > highestNewLevel)) {
                changes.add("new user " + id + " has level " + level + ", expected " + lowestNewLevel + " to " + highestNewLevel);
            }
        });
        if (schemaObjects != before.schemaObjects()) {
            changes.add("schema objects went from " + before.schemaObjects() + " to " + schemaObjects);
        }
        if (!untouchedRows.equals(before.untouchedRows())) {
            changes.add("rows that no form edits changed from " + before.untouchedRows() + " to " + untouchedRows);
        }
        if (!settings.equals(before.settings())) {
            changes.add("settings changed from " + before.settings() + " to " + settings);
        }
        return changes;
    }

    private static String describeUntouched(Handle handle, Untouched untouched) {
        List<String> rows = new ArrayList<>();
        rows.addAll(select(handle, "SELECT * FROM products WHERE id = ?", untouched.productId()));
        rows.addAll(select(handle, "SELECT * FROM releases WHERE product_id = ? ORDER BY id", untouched.productId()));
        rows.addAll(select(handle, "SELECT * FROM tickets WHERE id = ?", untouched.ticketId()));
        rows.addAll(select(handle, "SELECT * FROM comments WHERE ticket_id = ? ORDER BY id", untouched.ticketId()));
        rows.addAll(select(handle, "SELECT * FROM attachments WHERE ticket_id = ? ORDER BY id", untouched.ticketId()));
        rows.addAll(select(handle, "SELECT * FROM ticket_changes WHERE ticket_id = ? ORDER BY id", untouched.ticketId()));
        rows.addAll(select(handle, "SELECT id, name, password_hash, email, level, kind, disabled FROM users WHERE id = ?", untouched.userId()));
        rows.addAll(select(handle, "SELECT * FROM clients WHERE id = ?", untouched.clientId()));
        rows.addAll(select(handle, "SELECT * FROM client_events WHERE client_id = ? ORDER BY id", untouched.clientId()));
        rows.addAll(select(handle, "SELECT * FROM ticket_billing WHERE client_id = ? ORDER BY ticket_id", untouched.clientId()));
        return String.join("; ", rows);
    }

    private static List<String> select(Handle handle, String sql, long id) {
        return handle.createQuery(sql).bind(0, id).mapToMap().stream().map(Object::toString).toList();
    }
}
