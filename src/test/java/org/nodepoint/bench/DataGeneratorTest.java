package org.nodepoint.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.NodePoint;
import org.nodepoint.Wiring;
import org.nodepoint.search.SearchService;
import org.nodepoint.users.User;
import org.nodepoint.users.Viewer;

/** Generates a tiny data folder from a corpus written by the test, and checks what came out. */
class DataGeneratorTest {
    private static final int USERS = 20;
    private static final int PROJECTS = 3;
    private static final int TICKETS = 200;
    private static final int COMMENTS = 1_000;
    /** The built-in accounts api, guest and system, and the administrator. */
    private static final int ACCOUNTS_MADE_BY_INIT = 4;
    private static final List<String> TOPICS = List.of("Hardware", "Access", "Storage", "Purchase");
    private static final String[] WORDS = {"laptop", "printer", "password", "reset", "access", "folder", "license",
        "invoice", "monitor", "keyboard", "vpn", "mailbox", "badge", "quota", "order", "screen", "please", "thanks"};

    @TempDir
    static Path temp;

    private static Path corpus;
    private static Path data;
    private static String output;

    @BeforeAll
    static void generate() throws IOException {
        corpus = writeCorpus(temp.resolve("corpus.csv"));
        data = temp.resolve("data");
        output = runGenerator(data, 1);
    }

    /** Writes 60 documents of 6 to 30 words in four topics; one quoted document contains a comma. */
    private static Path writeCorpus(Path file) throws IOException {
        Random random = new Random(99);
        StringBuilder csv = new StringBuilder("Document,Topic_group\n");
        for (int row = 0; row < 60; row++) {
            StringBuilder text = new StringBuilder();
            int words = 6 + random.nextInt(25);
            for (int word = 0; word < words; word++) {
                text.append(word == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            String document = row == 7 ? "\"" + text + ", urgent\"" : text.toString();
            csv.append(document).append(',').append(TOPICS.get(row % TOPICS.size())).append('\n');
        }
        Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static String runGenerator(Path folder, long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DataGenerator.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                "--data", folder.toString(), "--seed", String.valueOf(seed), "--corpus", corpus.toString(),
                "--users", String.valueOf(USERS), "--projects", String.valueOf(PROJECTS),
                "--tickets", String.valueOf(TICKETS), "--comments", String.valueOf(COMMENTS));
        String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(status).as("generator output:%n%s", printed).isEqualTo(0);
        return printed;
    }

    @Test
    void generator_writes_requested_counts() throws SQLException {
        assertThat(count("SELECT count(*) FROM users")).isEqualTo(USERS + ACCOUNTS_MADE_BY_INIT);
        assertThat(count("SELECT count(*) FROM users WHERE kind = 'local'")).isEqualTo(USERS);
        assertThat(count("SELECT count(*) FROM products")).isEqualTo(PROJECTS);
        assertThat(count("SELECT count(*) FROM tickets")).isEqualTo(TICKETS);
        assertThat(count("SELECT count(*) FROM comments")).isEqualTo(COMMENTS);
        assertThat(count("SELECT count(*) FROM releases")).isBetween((long) PROJECTS, 5L * PROJECTS);
        assertThat(count("SELECT count(*) FROM ticket_changes"))
                .isEqualTo(count("SELECT count(*) FROM tickets WHERE status <> 'New'"));
        assertThat(count("SELECT count(*) FROM ticket_change_fields WHERE field = 'status'"))
                .isEqualTo(count("SELECT count(*) FROM ticket_changes"));
        assertThat(count("SELECT count(*) FROM tickets_fts")).isEqualTo(TICKETS);
        assertThat(count("SELECT count(*) FROM comments_fts")).isEqualTo(COMMENTS);
        assertThat(output).contains("Done in");
    }

    @Test
    void generator_keeps_rows_consistent() throws SQLException {
        assertThat(count("SELECT count(*) FROM users WHERE kind = 'local' AND level NOT BETWEEN 1 AND 5")).isZero();
        assertThat(count("SELECT count(*) FROM ticket_assignees a JOIN users u ON u.id = a.user_id WHERE u.level < 3")).isZero();
        assertThat(count("SELECT max(n) FROM (SELECT count(*) AS n FROM ticket_assignees GROUP BY ticket_id)")).isLessThanOrEqualTo(3);
        assertThat(count("SELECT max(n) FROM (SELECT count(*) AS n FROM comments GROUP BY ticket_id)"))
                .isLessThanOrEqualTo(RowGenerator.MAX_COMMENTS_PER_TICKET);
        assertThat(count("SELECT count(*) FROM comments c JOIN tickets t ON t.id = c.ticket_id WHERE c.created_at <= t.created_at")).isZero();
        assertThat(count("SELECT count(*) FROM tickets a JOIN tickets b ON b.id = a.id + 1 WHERE b.created_at < a.created_at")).isZero();
        assertThat(count("SELECT count(*) FROM tickets WHERE (status = 'New') <> (updated_at IS NULL)")).isZero();
        assertThat(count("SELECT count(*) FROM tickets WHERE status IN ('Resolved', 'Closed', 'Invalid', 'Duplicate') AND resolution = ''")).isZero();
        assertThat(count("SELECT count(*) FROM time_entries WHERE hundredths <= 0")).isZero();
        assertThat(count("SELECT count(DISTINCT password_hash) FROM users WHERE kind = 'local'")).isEqualTo(1);
    }

    @Test
    void generator_is_deterministic_per_seed() throws Exception {
        Path again = temp.resolve("again");
        Path otherSeed = temp.resolve("other-seed");
        runGenerator(again, 1);
        runGenerator(otherSeed, 2);

        String first = checksum(data);

        assertThat(checksum(again)).isEqualTo(first);
        assertThat(checksum(otherSeed)).isNotEqualTo(first);
    }

    @Test
    void generator_keeps_migrated_schema() throws Exception {
        Path fresh = temp.resolve("fresh");
        int status = NodePoint.run(new String[] {"init", "--data", fresh.toString(), "--admin-password", "fresh-password-1"},
                new PrintWriter(OutputStream.nullOutputStream()), new PrintWriter(OutputStream.nullOutputStream()));
        assertThat(status).isEqualTo(0);

        assertThat(schema(data)).isEqualTo(schema(fresh));
    }

    @Test
    void admin_and_generated_user_can_sign_in() throws SQLException {
        String userName = string("SELECT name FROM users WHERE kind = 'local' AND disabled = 0 ORDER BY id LIMIT 1");

        try (Wiring wiring = Wiring.open(data)) {
            Optional<User> admin = wiring.users.authenticate("admin", DataGenerator.ADMIN_PASSWORD);
            Optional<User> user = wiring.users.authenticate(userName, DataGenerator.USER_PASSWORD);
            Optional<User> wrongPassword = wiring.users.authenticate(userName, "not-the-password");

            assertThat(admin).isPresent();
            assertThat(user).map(User::name).contains(userName);
            assertThat(wrongPassword).isEmpty();
        }
    }

    @Test
    void search_finds_generated_ticket() throws SQLException {
        String title = string("SELECT title FROM tickets WHERE id = 1");

        try (Wiring wiring = Wiring.open(data)) {
            User admin = wiring.users.findByName("admin").orElseThrow();
            SearchService.Results results = wiring.search.search(Viewer.of(admin), title, 0, TICKETS);

            assertThat(results.total()).isPositive();
            assertThat(results.hits()).extracting(hit -> hit.ticket().id()).contains(1L);
        }
    }

    @Test
    void generator_rejects_non_empty_folder() throws IOException {
        Path used = Files.createDirectories(temp.resolve("used"));
        Files.writeString(used.resolve("keep.txt"), "keep");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = DataGenerator.run(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "--data", used.toString(), "--corpus", corpus.toString());

        assertThat(status).isEqualTo(NodePoint.USAGE_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not an empty folder");
        assertThat(used.resolve("nodepoint.cfg")).doesNotExist();
    }

    @Test
    void generator_rejects_too_many_comments() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = DataGenerator.run(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "--data", temp.resolve("too-many").toString(),
                "--corpus", corpus.toString(), "--tickets", "2", "--comments", "401");

        assertThat(status).isEqualTo(NodePoint.USAGE_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--comments must be between 0 and 400");
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = open(data); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String string(String sql) throws SQLException {
        try (Connection connection = open(data); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static Connection open(Path folder) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + folder.resolve(Wiring.DEFAULT_DATABASE).toAbsolutePath());
    }

    /**
     * Returns a SHA-256 over every row of the generated tables, ordered by all columns. The users'
     * password hashes are left out because each Argon2id hash has a random salt.
     */
    private static String checksum(Path folder) throws Exception {
        Map<String, String> queries = Map.of(
                "users", "SELECT id, name, email, level, kind, disabled, created_at, last_login_at FROM users",
                "products", "SELECT * FROM products",
                "releases", "SELECT * FROM releases",
                "tickets", "SELECT * FROM tickets",
                "ticket_assignees", "SELECT * FROM ticket_assignees",
                "ticket_followers", "SELECT * FROM ticket_followers",
                "comments", "SELECT * FROM comments",
                "ticket_changes", "SELECT * FROM ticket_changes",
                "ticket_change_fields", "SELECT * FROM ticket_change_fields",
                "time_entries", "SELECT * FROM time_entries");
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (Connection connection = open(folder); Statement statement = connection.createStatement()) {
            for (String table : queries.keySet().stream().sorted().toList()) {
                digest.update(("table " + table + "\n").getBytes(StandardCharsets.UTF_8));
                try (ResultSet rows = statement.executeQuery(queries.get(table) + " ORDER BY " + allColumns(connection, queries.get(table)))) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int column = 1; column <= columns; column++) {
                            digest.update((rows.getString(column) + "\u0001").getBytes(StandardCharsets.UTF_8));
                        }
                        digest.update((byte) '\n');
                    }
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Returns "1, 2, ..., n" for the columns of a query, to order its rows by all of them. */
    private static String allColumns(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query + " LIMIT 0")) {
            List<String> positions = new ArrayList<>();
            for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                positions.add(String.valueOf(column));
            }
            return String.join(", ", positions);
        }
    }

    /** Returns the schema objects, leaving out the statistics tables that ANALYZE adds. */
    private static List<String> schema(Path folder) throws SQLException {
        List<String> objects = new ArrayList<>();
        try (Connection connection = open(folder); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_master "
                        + "WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name")) {
            while (rows.next()) {
                objects.add(rows.getString(1) + " " + rows.getString(2) + " on " + rows.getString(3) + ": " + rows.getString(4));
            }
        }
        return objects;
    }
}
