package org.nodepoint.legacyimport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A NodePoint 1.x installation built in a test folder: nodepoint.cfg, www/, uploads/ and
 * db/nodepoint.db with the 39 tables of 1.x as it created them, without keys, indexes or
 * constraints, every id an implicit rowid.
 */
final class LegacyFixture {
    /** Each 1.x table with its columns, in the order that 1.x created them. */
    static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("users", "name TEXT, pass TEXT, email TEXT, level INT, loggedin TEXT, confirm TEXT");
        TABLES.put("products", "name TEXT, model TEXT, description TEXT, screenshot TEXT, vis TEXT, created TEXT, modified TEXT");
        TABLES.put("releases", "productid INT, releasedby TEXT, version TEXT, notes TEXT, created TEXT");
        TABLES.put("tickets", "productid INT, releaseid TEXT, createdby TEXT, assignedto TEXT, title TEXT, description TEXT, link TEXT, "
                + "status TEXT, resolution TEXT, subscribers TEXT, created TEXT, modified TEXT");
        TABLES.put("comments", "ticketid INT, name TEXT, comment TEXT, created TEXT, modified TEXT, file TEXT, filename TEXT");
        TABLES.put("log", "ip TEXT, by TEXT, op TEXT, time TEXT, key INT");
        TABLES.put("timetracking", "ticketid INT, name TEXT, spent REAL, time TEXT");
        TABLES.put("autoassign", "productid INT, user TEXT");
        StringBuilder formColumns = new StringBuilder("productid INT, formname TEXT");
        for (int field = 0; field < 10; field++) {
            formColumns.append(", field").append(field).append(" TEXT, field").append(field).append("type INT");
        }
        TABLES.put("forms", formColumns + ", modified TEXT");
        TABLES.put("default_form", "form INT");
        TABLES.put("kb", "productid INT, title TEXT, article TEXT, published INT, createdby TEXT, created TEXT, modified TEXT");
        TABLES.put("kblink", "ticketid INT, kb INT");
        TABLES.put("subscribe", "user TEXT, articleid INT");
        TABLES.put("escalate", "ticketid INT, user TEXT");
        TABLES.put("shoutbox", "user TEXT, msg TEXT, created TEXT");
        TABLES.put("steps", "productid INT, name TEXT, user TEXT, completion INT, due TEXT");
        TABLES.put("steps_log", "productid INT, user TEXT, event TEXT, date TEXT");
        TABLES.put("clients", "name TEXT, status TEXT, contact TEXT, notes TEXT, modified TEXT");
        TABLES.put("events", "clientid INT, user TEXT, type TEXT, summary TEXT, notes TEXT, time TEXT");
        TABLES.put("billing", "ticketid INT, client TEXT");
        TABLES.put("billing_defaults", "client TEXT, type INT, currency TEXT, cost REAL");
        TABLES.put("items", "name TEXT, type TEXT, serial TEXT, productid INT, clientid INT, approval INT, status INT, user TEXT, info TEXT");
        TABLES.put("item_expiration", "itemid INT, date TEXT");
        TABLES.put("checkouts", "itemid INT, user TEXT, event TEXT, time TEXT");
        TABLES.put("lostpass", "user TEXT, code TEXT");
        TABLES.put("disabled", "user TEXT");
        TABLES.put("sessions", "user TEXT, session TEXT, ip TEXT, expire INT");
        TABLES.put("files", "user TEXT, file TEXT, filename TEXT, time TEXT, size INT");
        TABLES.put("files_product", "productid INT, file TEXT");
        TABLES.put("file_access", "ip TEXT, file TEXT, time TEXT");
        TABLES.put("secrets", "productid INT, user TEXT, note TEXT, account TEXT, secret TEXT, time TEXT");
        TABLES.put("secrets_log", "productid INT, user TEXT, account TEXT, event TEXT, time TEXT");
        TABLES.put("routing", "name TEXT, priority INT, hits INT");
        TABLES.put("routing_conditions", "route INT, key TEXT, value TEXT");
        TABLES.put("routing_actions", "route INT, key TEXT, value TEXT");
        TABLES.put("auto", "timestamp INT, result TEXT");
        TABLES.put("auto_modules", "name TEXT, enabled INT, lastrun TEXT, timestamp INT, result TEXT, description TEXT, schedule INT");
        TABLES.put("auto_log", "module TEXT, event TEXT, time TEXT");
        TABLES.put("auto_config", "module TEXT, key TEXT, value TEXT");
    }

    private final Path folder;
    private final Connection connection;

    private LegacyFixture(Path folder, Connection connection) {
        this.folder = folder;
        this.connection = connection;
    }

    /** Creates the installation with its tables and the settings of a configured 1.x site. */
    static LegacyFixture create(Path folder, Map<String, String> settings) throws IOException, SQLException {
        Files.createDirectories(folder.resolve("www"));
        Files.createDirectories(folder.resolve("uploads"));
        Files.createDirectories(folder.resolve("db"));
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("db/nodepoint.db").toAbsolutePath());
        try (Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> table : TABLES.entrySet()) {
                statement.execute("CREATE TABLE " + table.getKey() + " (" + table.getValue() + ")");
            }
        }
        LegacyFixture fixture = new LegacyFixture(folder, connection);
        fixture.settings(settings);
        return fixture;
    }

    /** Opens the database of an installation created earlier, to count its rows. */
    static LegacyFixture reopen(Path folder) throws SQLException {
        return new LegacyFixture(folder, DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("db/nodepoint.db").toAbsolutePath()));
    }

    Path folder() {
        return folder;
    }

    /** Writes nodepoint.cfg as 1.x's Config::Simple did: a two-line header, then "key value" lines with NULL for empty. */
    void settings(Map<String, String> settings) throws IOException {
        List<String> lines = new ArrayList<>(List.of("# Config::Simple 4.59", "# written by NodePoint"));
        settings.forEach((key, value) -> lines.add(key + " " + (value.isEmpty() ? "NULL" : value)));
        Files.write(folder.resolve("nodepoint.cfg"), lines, StandardCharsets.UTF_8);
    }

    /** Inserts a row; the values follow the column order of {@link #TABLES}. Returns the rowid. */
    long insert(String table, Object... values) throws SQLException {
        String placeholders = String.join(", ", java.util.Collections.nCopies(values.length, "?"));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " VALUES (" + placeholders + ")",
                Statement.RETURN_GENERATED_KEYS)) {
            for (int index = 0; index < values.length; index++) {
                insert.setObject(index + 1, values[index]);
            }
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    void delete(String table, long rowid) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE rowid = ?")) {
            delete.setLong(1, rowid);
            delete.executeUpdate();
        }
    }

    void upload(String name, byte[] content) throws IOException {
        Files.write(folder.resolve("uploads").resolve(name), content);
    }

    long count(String table) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    void close() throws SQLException {
        connection.close();
    }
}
