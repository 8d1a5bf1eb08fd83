package org.nodepoint.legacyimport;

import java.sql.SQLException;
import org.nodepoint.syslog.LogCategory;
import org.nodepoint.text.UserText;

/** Imports 1.x's system log (table log) into ours, under the category "system". */
final class LogImport {
    private LogImport() {
    }

    static void run(ImportContext context) throws SQLException {
        context.each("log", (row, report) -> {
            String message = UserText.singleLine(row.text("op"));
            String address = row.raw("ip").strip();
            if (message.isEmpty()) {
                report.skip("event text is empty");
                return;
            }
            context.handle.createUpdate("INSERT INTO system_log (created_at, category, actor, message) VALUES (:at, :category, :actor, :message)")
                    .bind("at", time(context, row, report))
                    .bind("category", LogCategory.SYSTEM.storedValue())
                    .bind("actor", UserText.singleLine(row.text("by")))
                    .bind("message", address.isEmpty() ? message : message + " (from " + address + ")")
                    .execute();
            report.imported();
        });
    }

    /** Returns the time of the entry: 1.x kept epoch seconds in the column "key" besides the ctime text. */
    private static long time(ImportContext context, LegacyRow row, TableReport report) {
        Long seconds = row.number("key");
        if (seconds != null && seconds > 0) {
            return seconds * 1000;
        }
        return context.requiredTime(row, "time", report);
    }
}
