package org.nodepoint.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.nodepoint.NodePoint;
import org.nodepoint.Wiring;
import org.nodepoint.testing.SharedData;
import org.nodepoint.users.Passwords;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Creates a large NodePoint data folder for performance benchmarks: {@code init} makes the folder,
 * nodepoint.cfg and the migrated database, then users, projects, releases, tickets, assignees,
 * followers, comments, ticket history and time entries are written straight into the SQLite file.
 * Ticket and comment texts are documents of a real ticket corpus. A program, not a test: run it
 * as docs/benchmarks.md shows.
 *
 * <p>The same seed, sizes, corpus and end date give the same table contents. Two things differ
 * between runs: the password hashes, because each Argon2id hash has a random salt, and
 * Flyway's record of when it migrated.
 */
@Command(name = "DataGenerator", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Creates a NodePoint data folder filled with generated help desk data.")
public final class DataGenerator implements Callable<Integer> {
    public static final String ADMIN_PASSWORD = "admin-password-1";
    /** The password of every generated user. */
    public static final String USER_PASSWORD = "user-password-1";
    public static final String API_READ_KEY = "bench-read-key-0000000001";
    public static final String API_WRITE_KEY = "bench-write-key-000000001";
    static final String DEFAULT_CORPUS = "endava_it_tickets_kaggle_v3.zip";

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data folder to create. It must not exist or must be empty.")
    private Path data;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed of the random generator. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--users", defaultValue = "5000", paramLabel = "N", description = "Number of users, besides the administrator and built-in accounts. Default: ${DEFAULT-VALUE}.")
    private int users;

    @Option(names = "--projects", defaultValue = "50", paramLabel = "N", description = "Number of projects. Default: ${DEFAULT-VALUE}.")
    private int projects;

    @Option(names = "--tickets", defaultValue = "100000", paramLabel = "N", description = "Number of tickets. Default: ${DEFAULT-VALUE}.")
    private int tickets;

    @Option(names = "--comments", defaultValue = "1000000", paramLabel = "N",
            description = "Number of comments, at most " + RowGenerator.MAX_COMMENTS_PER_TICKET + " per ticket. Default: ${DEFAULT-VALUE}.")
    private long comments;

    @Option(names = "--corpus", paramLabel = "FILE",
            description = "CSV file, or zip holding one, with the columns Document and Topic_group. Default: " + DEFAULT_CORPUS + " in the shared data folder.")
    private Path corpusFile;

    // A fixed default, not today, so that the seed alone decides the data.
    @Option(names = "--end-date", defaultValue = "2026-12-01", paramLabel = "YYYY-MM-DD",
            description = "Generated activity ends at 00:00 UTC of this date and starts two years before. Default: ${DEFAULT-VALUE}.")
    private LocalDate endDate;

    private final PrintStream out;
    private final PrintStream err;

    private DataGenerator(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int status = run(System.out, System.err, args);
        // exec:java runs this inside Maven's JVM, so exit only to report a failure.
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the generator with command-line arguments and returns the exit status. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine commandLine = new CommandLine(new DataGenerator(out, err));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        String invalid = checkOptions();
        if (invalid != null) {
            err.println("DataGenerator: " + invalid);
            return NodePoint.USAGE_ERROR;
        }
        long started = System.nanoTime();
        Path corpusPath = corpusFile != null ? corpusFile : SharedData.folder().resolve(DEFAULT_CORPUS);
        Corpus corpus = Corpus.read(corpusPath);
        out.printf(Locale.ROOT, "Corpus: %,d documents in %d topics from %s (%,d rows skipped)%n", corpus.size(),
                corpus.topics().size(), corpusPath, corpus.skipped());

        int initStatus = init();
        if (initStatus != 0) {
            return initStatus;
        }
        // One hash for every user: Argon2id with the production parameters takes tens of
        // milliseconds, so hashing each user's password would take minutes.
        String userHash = new Passwords(Passwords.PRODUCTION).hash(USER_PASSWORD);

        Path databaseFile = data.resolve(Wiring.DEFAULT_DATABASE);
        long end = endDate.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        boolean terminal = System.console() != null;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + databaseFile.toAbsolutePath())) {
            startBulkLoad(connection);
            RowGenerator.Sizes sizes = new RowGenerator.Sizes(users, projects, tickets, comments);
            new RowGenerator(connection, new Random(seed), corpus, sizes, end, out, terminal).writeAll(userHash);
            connection.setAutoCommit(true);
            finishBulkLoad(connection);
            printCounts(connection);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(Locale.ROOT, "Done in %.1f s; %s is %.1f MB%n", seconds, databaseFile, Files.size(databaseFile) / 1e6);
        return 0;
    }

    /** Returns a message naming the first invalid option, or null when all are valid. */
    private String checkOptions() throws IOException {
        if (Files.exists(data) && (!Files.isDirectory(data) || !isEmptyFolder(data))) {
            return "--data: " + data + " already exists and is not an empty folder; choose a new path";
        }
        if (users < 1) {
            return "--users must be at least 1, was " + users;
        }
        if (projects < 1) {
            return "--projects must be at least 1, was " + projects;
        }
        if (tickets < 0) {
            return "--tickets must not be negative, was " + tickets;
        }
        long maxComments = Math.min((long) tickets * RowGenerator.MAX_COMMENTS_PER_TICKET, Integer.MAX_VALUE - 8);
        if (comments < 0 || comments > maxComments) {
            return "--comments must be between 0 and " + maxComments + " for " + tickets + " tickets, was " + comments;
        }
        return null;
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Runs the product's own {@code init}, so the folder, settings and schema are exactly what it makes. */
    private int init() {
        StringWriter initOut = new StringWriter();
        StringWriter initErr = new StringWriter();
        int status = NodePoint.run(new String[] {"init", "--data", data.toString(), "--admin-password", ADMIN_PASSWORD,
            "--site-name", "NodePoint benchmark", "--ticket-visibility", "Restricted",
            "--api-read-key", API_READ_KEY, "--api-write-key", API_WRITE_KEY},
                new PrintWriter(initOut, true), new PrintWriter(initErr, true));
        if (status != 0) {
            err.print(initErr);
            err.println("DataGenerator: init failed with status " + status);
            return status;
        }
        out.print(initOut);
        out.println("Administrator password: " + ADMIN_PASSWORD + "; password of every generated user: " + USER_PASSWORD);
        return 0;
    }

    /**
     * Sets up the connection for a one-off bulk load. synchronous=OFF skips the fsync at each
     * commit, so a crash during generation can corrupt the file. That is acceptable because the
     * folder is simply generated again, and the server's own connections use synchronous=FULL.
     * Foreign keys stay off (the SQLite default for a connection) and are checked once at the end.
     */
    private static void startBulkLoad(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA synchronous=OFF");
            statement.execute("PRAGMA cache_size=-262144");
            statement.execute("PRAGMA temp_store=MEMORY");
        }
        connection.setAutoCommit(false);
    }

    /**
     * Checks foreign keys, gathers planner statistics and moves the WAL into the database file, so
     * that the server starts on a clean, analysed file.
     */
    private void finishBulkLoad(Connection connection) throws SQLException {
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet violations = statement.executeQuery("PRAGMA foreign_key_check")) {
                if (violations.next()) {
                    throw new IllegalStateException("Generated data breaks a foreign key: table " + violations.getString(1)
                            + ", row " + violations.getLong(2) + ", parent " + violations.getString(3));
                }
            }
            statement.execute("ANALYZE");
            statement.execute("PRAGMA optimize");
            statement.execute("PRAGMA synchronous=FULL");
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        out.printf(Locale.ROOT, "Foreign key check, ANALYZE and checkpoint in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private void printCounts(Connection connection) throws SQLException {
        List<String> tables = List.of("users", "products", "releases", "tickets", "ticket_assignees", "ticket_followers",
                "comments", "ticket_changes", "ticket_change_fields", "time_entries");
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    count.next();
                    out.printf(Locale.ROOT, "  %-22s %,12d rows%n", table, count.getLong(1));
                }
            }
        }
    }
}
