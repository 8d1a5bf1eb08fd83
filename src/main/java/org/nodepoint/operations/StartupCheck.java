package org.nodepoint.operations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The check that {@code serve} runs before it opens the database: {@code PRAGMA quick_check},
 * which reads every page but skips comparing indexes with their tables. A server that wrote to a
 * damaged database could spread the damage, so a failure stops the start.
 */
public final class StartupCheck {
    private StartupCheck() {
    }

    /**
     * Raises a {@link BackupException} naming the damage when the database of the data folder
     * fails the quick check. A folder without nodepoint.cfg or without a database passes, because
     * the first start creates them.
     */
    public static void requireIntactDatabase(Path dataFolder) throws BackupException {
        if (!Files.isRegularFile(org.nodepoint.Wiring.settingsFile(dataFolder))) {
            return;
        }
        Path database = DataFolderLayout.of(dataFolder).database();
        if (!Files.isRegularFile(database)) {
            return;
        }
        List<String> problems;
        try (Connection connection = SqliteFile.open(database, false)) {
            problems = SqliteFile.integrityProblems(connection, true);
        } catch (SQLException failure) {
            problems = List.of(String.valueOf(failure.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new BackupException("The database " + database + " is damaged (" + problems.get(0) + "); the server did not start."
                    + " Run 'check --data " + dataFolder + "' for the details, then restore the last good backup into a new folder");
        }
    }
}
