package org.nodepoint.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * A consistent copy of a live database, made with {@code VACUUM INTO}. The copy is one read
 * transaction, so it contains every commit before it started and nothing after, while the server
 * keeps writing. Copying the database file itself is not safe in WAL mode, because recent
 * commits are still in the -wal file and a checkpoint may rewrite the file during the copy.
 */
record DatabaseSnapshot(Path file, String schemaVersion, Map<String, Long> rowCounts) {

    /**
     * Copies {@code database} to {@code target} (which must not exist), forces the copy to disk and
     * runs {@code PRAGMA integrity_check} on it. The copy is deleted when anything fails.
     */
    static DatabaseSnapshot take(Path database, Path target) throws BackupException, IOException {
        if (!Files.isRegularFile(database)) {
            throw new BackupException("The database " + database + " does not exist");
        }
        try {
            try (Connection source = SqliteFile.open(database, false);
                 PreparedStatement vacuum = source.prepareStatement("VACUUM INTO ?")) {
                vacuum.setString(1, target.toAbsolutePath().toString());
                vacuum.execute();
            }
            Durable.forceFile(target);
            try (Connection copy = SqliteFile.open(target, true)) {
                List<String> problems = SqliteFile.integrityProblems(copy, false);
                if (!problems.isEmpty()) {
                    throw new BackupException("The copy of " + database + " failed its integrity check: " + problems.get(0)
                            + "; run 'check' on the data folder and restore the last good backup");
                }
                return new DatabaseSnapshot(target, SqliteFile.schemaVersion(copy), SqliteFile.rowCounts(copy));
            }
        } catch (SQLException failure) {
            Files.deleteIfExists(target);
            throw new BackupException("Failed to copy the database " + database + ": " + failure.getMessage(), failure);
        } catch (BackupException | IOException | RuntimeException failure) {
            Files.deleteIfExists(target);
            throw failure;
        }
    }
}
