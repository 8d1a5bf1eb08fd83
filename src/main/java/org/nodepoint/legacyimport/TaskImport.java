package org.nodepoint.legacyimport;

import java.sql.SQLException;
import java.util.Optional;
import org.nodepoint.text.UserText;

/** Imports 1.x's tasks (table steps). Task ids stay the 1.x rowids. */
final class TaskImport {
    static final int MAX_DESCRIPTION_LENGTH = 500;

    private TaskImport() {
    }

    static void run(ImportContext context) throws SQLException {
        context.each("steps", (row, report) -> importTask(context, row, report));
    }

    private static void importTask(ImportContext context, LegacyRow row, TableReport report) {
        Long product = row.number("productid");
        if (product == null || !context.exists("products", product)) {
            report.skip("product " + row.raw("productid") + " does not exist");
            return;
        }
        String description = UserText.singleLine(row.text("name"));
        if (description.isEmpty()) {
            report.skip("description is empty");
            return;
        }
        if (description.length() > MAX_DESCRIPTION_LENGTH) {
            description = description.substring(0, MAX_DESCRIPTION_LENGTH);
            report.repair("description longer than " + MAX_DESCRIPTION_LENGTH + " characters; cut to that length");
        }
        Optional<String> due = LegacyDates.day(row.raw("due"));
        if (due.isEmpty()) {
            report.skip("due date does not contain a day as mm/dd/yyyy");
            return;
        }
        int completion = completion(row, report);
        context.handle.createUpdate("INSERT INTO tasks (id, product_id, description, assignee_id, due_date, completion, created_by, created_at, completed_at) "
                        + "VALUES (:id, :product, :description, :assignee, :due, :completion, :by, :at, :completed)")
                .bind("id", row.rowid()).bind("product", product).bind("description", description)
                .bind("assignee", context.users.resolve(row.raw("user"), context.report(UserIds.PLACEHOLDERS)))
                .bind("due", due.get()).bind("completion", completion)
                .bind("by", context.users.systemId()).bind("at", context.now)
                .bind("completed", completion == 100 ? context.now : null)
                .execute();
        report.imported();
    }

    /** Returns the completion in steps of 10 from 0 to 100, as our tasks store it. */
    private static int completion(LegacyRow row, TableReport report) {
        Long value = row.number("completion");
        if (value == null) {
            report.repair("completion is not a number; set to 0");
            return 0;
        }
        long clamped = Math.max(0, Math.min(100, value));
        long rounded = Math.round(clamped / 10.0) * 10;
        if (rounded != value) {
            report.repair("completion is not 0 to 100 in steps of 10; rounded to the nearest step");
        }
        return (int) rounded;
    }
}
