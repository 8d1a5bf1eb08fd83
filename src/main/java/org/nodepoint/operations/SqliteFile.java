package org.nodepoint.operations;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/**
 * Plain JDBC access to a database file outside the server's pools, for the backup, restore and
 * check commands. These may run while a server uses the same file, which WAL mode allows.
 */
final class SqliteFile {
    private static final int BUSY_TIMEOUT_MS = 5_000;

    private SqliteFile() {
    }

    /** Opens a connection with foreign keys off, so that a check reads the stored rows as they are. */
    static Connection open(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /**
     * Runs {@code PRAGMA integrity_check} (or {@code quick_check}, which skips the index contents)
     * and returns its messages, none when the database is intact. A file that is not a database
     * at all raises the SQLite error "file is not a database" instead.
     */
    static List<String> integrityProblems(Connection connection, boolean quick) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(quick ? "PRAGMA quick_check" : "PRAGMA integrity_check")) {
            while (rows.next()) {
                String message = rows.getString(1);
                if (!"ok".equals(message)) {
                    problems.add(message);
                }
            }
        }
        return problems;
    }

    /** Returns the rows of {@code PRAGMA foreign_key_check}, one line each: table, rowid and the missing parent table. */
    static List<String> foreignKeyProblems(Connection connection) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA foreign_key_check")) {
            while (rows.next()) {
                problems.add(rows.getString("table") + " row " + rows.getLong("rowid") + " names a missing row of " + rows.getString("parent"));
            }
        }
        return problems;
    }

    /** Counts the rows of every ordinary table, leaving out SQLite's internal tables and FTS5 shadow tables. */
    static Map<String, Long> rowCounts(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'"
                     + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables) {
            // The name comes from the schema, not from input, and is quoted as an identifier.
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM \"" + table.replace("\"", "\"\"") + "\"")) {
                rows.next();
                counts.put(table, rows.getLong(1));
            }
        }
        return counts;
    }

    /** Returns the version of the newest successful Flyway migration, or "" for a database without migrations. */
    static String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL"
                     + " ORDER BY installed_rank DESC LIMIT 1")) {
            return rows.next() ? rows.getString(1) : "";
        } catch (SQLException noHistory) {
            if (String.valueOf(noHistory.getMessage()).contains("no such table")) {
                return "";
            }
            throw noHistory;
        }
    }
}
