package org.nodepoint.legacyimport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;

/**
 * The database of a NodePoint 1.x installation, opened read-only so that the import cannot change
 * it. 1.x created tables lazily and never migrated them, so a table or column may be missing in
 * older installations: a missing table reads as no rows.
 */
final class LegacyDatabase implements AutoCloseable {
    private final Connection connection;

    private LegacyDatabase(Connection connection) {
        this.connection = connection;
    }

    static LegacyDatabase open(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return new LegacyDatabase(config.createConnection("jdbc:sqlite:" + file.toAbsolutePath()));
    }

    boolean hasTable(String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            query.setString(1, table);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    long count(String table) throws SQLException {
        if (!hasTable(table)) {
            return 0;
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM \"" + table + "\"");
             ResultSet result = query.executeQuery()) {
            return result.next() ? result.getLong(1) : 0;
        }
    }

    /**
     * Passes every row of the table to {@code action} in rowid order. The table name comes from
     * the importers' own constants, never from input.
     */
    void forEach(String table, Consumer<LegacyRow> action) throws SQLException {
        if (!hasTable(table)) {
            return;
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT rowid AS legacy_rowid, * FROM \"" + table + "\" ORDER BY rowid");
             ResultSet result = query.executeQuery()) {
            ResultSetMetaData columns = result.getMetaData();
            while (result.next()) {
                Map<String, Object> values = new LinkedHashMap<>();
                for (int index = 2; index <= columns.getColumnCount(); index++) {
                    values.put(columns.getColumnLabel(index).toLowerCase(Locale.ROOT), result.getObject(index));
                }
                action.accept(new LegacyRow(result.getLong(1), values));
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
