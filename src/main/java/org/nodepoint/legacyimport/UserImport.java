package org.nodepoint.legacyimport;

import java.sql.SQLException;
import java.util.Optional;

/** Imports 1.x's users and disabled tables. User ids are new: 1.x referred to users by name only. */
final class UserImport {
    /** The password placeholder of accounts that 1.x created at an Active Directory or plugin sign-in. */
    private static final String NO_LOCAL_PASSWORD = "*********";

    private UserImport() {
    }

    static void run(ImportContext context) throws SQLException {
        context.each("users", (row, report) -> importUser(context, row, report));
        context.each("disabled", (row, report) -> disable(context, row, report));
    }

    private static void importUser(ImportContext context, LegacyRow row, TableReport report) {
        String name = row.text("name").strip();
        if (name.isEmpty()) {
            report.skip("name is empty");
            return;
        }
        if (context.users.isAdministrator(name)) {
            report.skip("name is the administrator's name; rows that name this user find the administrator account");
            return;
        }
        Optional<Long> taken = context.users.find(name);
        if (taken.isPresent()) {
            report.skip("name is already taken by another account or a built-in actor (names are unique without regard to case)");
            return;
        }
        String stored = LegacyNames.userName(name, candidate -> context.users.find(candidate).isPresent(), report);
        long id = context.handle.createUpdate("INSERT INTO users (name, password_hash, email, level, kind, created_at, last_login_at, email_confirmed) "
                        + "VALUES (:name, :hash, :email, :level, 'local', :created, :lastLogin, :confirmed)")
                .bind("name", stored)
                .bind("hash", passwordHash(row.raw("pass")))
                .bind("email", row.text("email").strip())
                .bind("level", level(row, report))
                .bind("created", context.now)
                .bind("lastLogin", context.optionalTime(row, "loggedin", report).orElse(null))
                .bind("confirmed", row.raw("confirm").isBlank() && !row.raw("email").isBlank() ? 1 : 0)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        context.users.add(name, id);
        // NOTE: the new name is claimed at once, so a later 1.x user with exactly that name is skipped as taken.
        context.users.add(stored, id);
        report.imported();
    }

    /** Keeps the unsalted SHA-1 hex of 1.x, which the next sign-in replaces with an Argon2id hash. */
    private static String passwordHash(String stored) {
        String hash = stored.strip();
        return hash.isEmpty() || hash.equals(NO_LOCAL_PASSWORD) ? null : hash.toLowerCase(java.util.Locale.ROOT);
    }

    private static int level(LegacyRow row, TableReport report) {
        Long level = row.number("level");
        if (level == null || level < 0) {
            report.repair("level is not 0 to 5; set to 1");
            return 1;
        }
        if (level > 5) {
            report.repair("level above 5 (only reachable through a 1.x bug); set to 5");
            return 5;
        }
        return level.intValue();
    }

    private static void disable(ImportContext context, LegacyRow row, TableReport report) {
        Optional<Long> user = context.users.find(row.raw("user"));
        if (user.isEmpty()) {
            report.skip("user does not exist");
            return;
        }
        context.handle.createUpdate("UPDATE users SET disabled = 1 WHERE id = :id AND kind = 'local'").bind("id", user.get()).execute();
        report.imported();
    }
}
