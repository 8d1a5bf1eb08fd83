package org.nodepoint.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite database: a pool of read-only connections and a single writer connection on the same
 * file. With one writer, writes queue inside the JVM instead of failing with SQLITE_BUSY, and in
 * WAL mode readers never wait for it. Live writes go through the {@link GroupCommitWriter}, which
 * commits concurrent writes together.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int BUSY_TIMEOUT_MS = 5_000;
    private static final int READER_POOL_SIZE = 4;
    /** Bounds the memory and the waiting time of queued writes. Beyond it, writes are rejected at once. */
    static final int WRITE_QUEUE_CAPACITY = 10_000;
    /** Caps the tasks per transaction, so that the first writers of a burst do not wait for all the others. */
    static final int MAX_WRITES_PER_COMMIT = 256;

    private final HikariDataSource writerPool;
    private final HikariDataSource readerPool;
    private final Jdbi read;
    private final Jdbi write;
    private final GroupCommitWriter groupCommitWriter;

    private Database(HikariDataSource writerPool, HikariDataSource readerPool) {
        this.writerPool = writerPool;
        this.readerPool = readerPool;
        this.read = jdbi(readerPool);
        this.write = jdbi(writerPool);
        this.groupCommitWriter = new GroupCommitWriter(jdbi(writerPool), WRITE_QUEUE_CAPACITY, MAX_WRITES_PER_COMMIT);
    }

    /** Opens the database file, creating it and applying pending migrations first. */
    public static Database open(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        try {
            OwnerOnly.createFolder(folder);
        } catch (IOException failure) {
            throw new UncheckedIOException("Failed to create the database folder " + folder, failure);
        }
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        migrate(url);
        OwnerOnly.restrictFile(file);
        HikariDataSource writer = pool(url, "nodepoint-writer", 1, false);
        HikariDataSource readers = pool(url, "nodepoint-reader", READER_POOL_SIZE, true);
        return new Database(writer, readers);
    }

    public Jdbi read() {
        return read;
    }

    /**
     * Returns a plain Jdbi on the writer connection, for bulk tools and test fixtures that manage
     * their own transactions. Its handles wait while the group commit writer runs a batch, because
     * both use the same single connection.
     */
    public Jdbi write() {
        return write;
    }

    /** Returns the writer that every live write goes through. */
    public GroupCommitWriter groupCommitWriter() {
        return groupCommitWriter;
    }

    /** Returns true when a read connection can run a trivial query. */
    public boolean isHealthy() {
        try {
            return read.withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException failure) {
            log.error("Database health check failed", failure);
            return false;
        }
    }

    /** Commits the queued writes, rejecting new ones meanwhile, and then closes both pools. */
    @Override
    public void close() {
        groupCommitWriter.close();
        readerPool.close();
        writerPool.close();
    }

    private static void migrate(String url) {
        SQLiteDataSource dataSource = new SQLiteDataSource(config(false));
        dataSource.setUrl(url);
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
        rejectNewerSchema(flyway, url);
        var result = flyway.migrate();
        if (result.migrationsExecuted > 0) {
            log.info("Applied {} database migrations, schema now at version {}", result.migrationsExecuted, result.targetSchemaVersion);
        }
    }

    /**
     * Raises {@link NewerSchemaException} when the database has a migration that this JAR does not
     * contain, because it was written by a newer NodePoint. Flyway's default ignores such
     * migrations ({@code ignoreMigrationPatterns} is "*:future"), and this version would then
     * write rows that the newer schema does not expect.
     */
    private static void rejectNewerSchema(Flyway flyway, String url) {
        MigrationInfo[] future = Arrays.stream(flyway.info().applied())
                .filter(migration -> migration.getState() == MigrationState.FUTURE_SUCCESS || migration.getState() == MigrationState.FUTURE_FAILED)
                .toArray(MigrationInfo[]::new);
        if (future.length > 0) {
            MigrationInfo current = flyway.info().current();
            throw new NewerSchemaException("The database " + url.substring("jdbc:sqlite:".length()) + " has schema version "
                    + current.getVersion() + ", newer than any this NodePoint knows; run the NodePoint version that upgraded it,"
                    + " or restore a backup taken before the upgrade into a new folder");
        }
    }

    /**
     * Creates a Jdbi whose statement errors leave out the SQL and its bound values. The values can be
     * user text, password hashes or session tokens, and these messages end up in the error log.
     */
    private static Jdbi jdbi(DataSource pool) {
        Jdbi jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        return jdbi;
    }

    private static HikariDataSource pool(String url, String name, int size, boolean readOnly) {
        SQLiteDataSource dataSource = new SQLiteDataSource(config(readOnly));
        dataSource.setUrl(url);
        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(dataSource);
        hikari.setPoolName(name);
        hikari.setMaximumPoolSize(size);
        hikari.setMinimumIdle(1);
        // Hikari calls setReadOnly on each connection; sqlite-jdbc rejects a value that differs from
        // the flag the connection was opened with, so both must agree.
        hikari.setReadOnly(readOnly);
        return new HikariDataSource(hikari);
    }

    /**
     * Connection settings applied by sqlite-jdbc to every physical connection. foreign_keys and
     * busy_timeout are per connection and off by default in SQLite. synchronous=FULL makes every
     * acknowledged commit survive a power loss. The writer uses BEGIN IMMEDIATE so that a
     * transaction that reads before it writes takes the write lock up front. A deferred one could
     * fail with SQLITE_BUSY when it upgrades.
     */
    private static SQLiteConfig config(boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setReadOnly(readOnly);
        if (!readOnly) {
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        }
        return config;
    }
}
