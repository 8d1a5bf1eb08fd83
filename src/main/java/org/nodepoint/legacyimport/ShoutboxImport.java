package org.nodepoint.legacyimport;

import java.sql.SQLException;
import org.nodepoint.text.UserText;

/** Imports 1.x's shoutbox messages. Message ids stay the 1.x rowids. */
final class ShoutboxImport {
    private ShoutboxImport() {
    }

    static void run(ImportContext context) throws SQLException {
        context.each("shoutbox", (row, report) -> {
            String message = UserText.singleLine(row.text("msg"));
            if (message.isEmpty()) {
                report.skip("message is empty");
                return;
            }
            context.handle.createUpdate("INSERT INTO shouts (id, user_id, message, created_at) VALUES (:id, :user, :message, :at)")
                    .bind("id", row.rowid())
                    .bind("user", context.users.resolve(row.raw("user"), context.report(UserIds.PLACEHOLDERS)))
                    .bind("message", message)
                    .bind("at", context.requiredTime(row, "created", report))
                    .execute();
            report.imported();
        });
    }
}
