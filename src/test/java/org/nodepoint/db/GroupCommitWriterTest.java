package org.nodepoint.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.transaction.TransactionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.errors.UnavailableException;
import org.nodepoint.errors.ValidationException;

/**
 * The group commit writer on a real SQLite file with the production settings. Tests that need
 * several tasks in one batch hold the writer thread with a {@link WriterBlocker} while they submit.
 */
class GroupCommitWriterTest {
    private static final int THREADS = 50;
    private static final int INSERTS_PER_THREAD = 20;

    @TempDir
    Path folder;

    private Path file;
    private Database database;
    private GroupCommitWriter writer;

    @BeforeEach
    void openDatabase() {
        file = folder.resolve("writer.db");
        database = Database.open(file);
        database.write().useHandle(handle -> {
            handle.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL UNIQUE)");
            handle.execute("CREATE TABLE note_links (note_id INTEGER NOT NULL REFERENCES notes (id))");
        });
        writer = database.groupCommitWriter();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void concurrent_inserts_are_all_committed() throws Exception {
        List<Future<?>> results = insertConcurrently();

        for (Future<?> result : results) {
            result.get();
        }

        Set<String> expected = new HashSet<>();
        for (int thread = 0; thread < THREADS; thread++) {
            for (int i = 0; i < INSERTS_PER_THREAD; i++) {
                expected.add(thread + "-" + i);
            }
        }
        assertThat(bodiesFromNewConnection()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void concurrent_inserts_share_commits() throws Exception {
        long before = writer.commitCount();

        for (Future<?> result : insertConcurrently()) {
            result.get();
        }

        assertThat(writer.commitCount() - before).isLessThan(THREADS * INSERTS_PER_THREAD);
    }

    @Test
    void queued_tasks_commit_together() {
        WriterBlocker blocker = WriterBlocker.block(writer);
        long before = writer.commitCount();
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            results.add(writer.submit(insert("note " + i)));
        }

        blocker.release();
        results.forEach(CompletableFuture::join);

        assertThat(writer.commitCount() - before).isEqualTo(2);
        assertThat(bodiesFromNewConnection()).hasSize(100);
    }

    @Test
    void batch_stops_at_max_size() {
        WriterBlocker blocker = WriterBlocker.block(writer);
        long before = writer.commitCount();
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int i = 0; i < Database.MAX_WRITES_PER_COMMIT + 1; i++) {
            results.add(writer.submit(insert("note " + i)));
        }

        blocker.release();
        results.forEach(CompletableFuture::join);

        assertThat(writer.commitCount() - before).isEqualTo(3);
    }

    @Test
    void failing_task_leaves_its_batch_committed() {
        WriterBlocker blocker = WriterBlocker.block(writer);
        ValidationException invalid = ValidationException.of("body", "notes.body.invalid");
        CompletableFuture<Integer> first = writer.submit(insert("first"));
        CompletableFuture<Object> thrower = writer.submit(handle -> {
            handle.execute("INSERT INTO notes (body) VALUES ('thrown')");
            throw invalid;
        });
        CompletableFuture<Integer> duplicate = writer.submit(insert("first"));
        CompletableFuture<Integer> last = writer.submit(insert("last"));

        blocker.release();

        assertThat(first.join()).isEqualTo(1);
        assertThat(last.join()).isEqualTo(1);
        assertThat(causeOf(thrower)).isSameAs(invalid);
        assertThat(causeOf(duplicate)).isInstanceOf(UnableToExecuteStatementException.class);
        assertThat(bodiesFromNewConnection()).containsExactlyInAnyOrder("first", "last");
    }

    @Test
    void caller_gets_task_exception_unchanged() {
        ValidationException invalid = ValidationException.of("body", "notes.body.invalid");

        assertThatThrownBy(() -> writer.useTransaction(handle -> {
            handle.execute("INSERT INTO notes (body) VALUES ('thrown')");
            throw invalid;
        })).isSameAs(invalid);

        assertThat(bodiesFromNewConnection()).isEmpty();
    }

    @Test
    void caller_gets_task_result() {
        long id = writer.inTransaction(handle -> handle.createUpdate("INSERT INTO notes (body) VALUES ('kept')")
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());

        assertThat(id).isEqualTo(1);
        assertThat(bodiesFromNewConnection()).containsExactly("kept");
    }

    @Test
    void nested_write_commits_with_outer_task() {
        long before = writer.commitCount();

        writer.useTransaction(handle -> {
            handle.execute("INSERT INTO notes (body) VALUES ('outer')");
            writer.useTransaction(inner -> inner.execute("INSERT INTO notes (body) VALUES ('inner')"));
        });

        assertThat(bodiesFromNewConnection()).containsExactlyInAnyOrder("outer", "inner");
        assertThat(writer.commitCount() - before).isEqualTo(1);
    }

    @Test
    void nested_write_rolls_back_with_outer_task() {
        IllegalArgumentException failure = new IllegalArgumentException("outer task failed");

        assertThatThrownBy(() -> writer.useTransaction(handle -> {
            writer.useTransaction(inner -> inner.execute("INSERT INTO notes (body) VALUES ('inner')"));
            handle.execute("INSERT INTO notes (body) VALUES ('outer')");
            throw failure;
        })).isSameAs(failure);

        assertThat(bodiesFromNewConnection()).isEmpty();
    }

    @Test
    void failed_nested_write_keeps_outer_changes() {
        writer.useTransaction(handle -> {
            handle.execute("INSERT INTO notes (body) VALUES ('outer')");
            try {
                writer.useTransaction(inner -> {
                    inner.execute("INSERT INTO notes (body) VALUES ('inner')");
                    inner.execute("INSERT INTO notes (body) VALUES ('outer')");
                });
            } catch (UnableToExecuteStatementException duplicate) {
                handle.execute("INSERT INTO notes (body) VALUES ('handled')");
            }
        });

        assertThat(bodiesFromNewConnection()).containsExactlyInAnyOrder("outer", "handled");
    }

    @Test
    void jdbi_transaction_joins_task() {
        long before = writer.commitCount();

        writer.useTransaction(handle -> {
            handle.useTransaction(joined -> joined.execute("INSERT INTO notes (body) VALUES ('joined')"));
            handle.inTransaction(joined -> joined.execute("INSERT INTO notes (body) VALUES ('joined again')"));
        });

        assertThat(bodiesFromNewConnection()).containsExactlyInAnyOrder("joined", "joined again");
        assertThat(writer.commitCount() - before).isEqualTo(1);
    }

    @Test
    void failing_jdbi_transaction_discards_task() {
        IllegalStateException failure = new IllegalStateException("joined transaction failed");

        assertThatThrownBy(() -> writer.useTransaction(handle -> {
            handle.execute("INSERT INTO notes (body) VALUES ('before')");
            handle.useTransaction(joined -> {
                joined.execute("INSERT INTO notes (body) VALUES ('joined')");
                throw failure;
            });
        })).isSameAs(failure);

        assertThat(bodiesFromNewConnection()).isEmpty();
    }

    @Test
    void task_cannot_commit_batch() {
        WriterBlocker blocker = WriterBlocker.block(writer);
        CompletableFuture<Integer> first = writer.submit(insert("first"));
        CompletableFuture<Object> committer = writer.submit(handle -> {
            handle.execute("INSERT INTO notes (body) VALUES ('committer')");
            handle.commit();
            return null;
        });
        CompletableFuture<Integer> last = writer.submit(insert("last"));

        blocker.release();

        assertThat(causeOf(committer)).isInstanceOf(IllegalStateException.class).hasMessageContaining("must not commit");
        assertThat(first.join()).isEqualTo(1);
        assertThat(last.join()).isEqualTo(1);
        assertThat(bodiesFromNewConnection()).containsExactlyInAnyOrder("first", "last");
    }

    @Test
    void task_cannot_roll_back_batch() {
        WriterBlocker blocker = WriterBlocker.block(writer);
        CompletableFuture<Integer> first = writer.submit(insert("first"));
        CompletableFuture<Object> rollback = writer.submit(handle -> {
            handle.rollback();
            return null;
        });

        blocker.release();

        assertThat(causeOf(rollback)).isInstanceOf(IllegalStateException.class).hasMessageContaining("must not roll back");
        assertThat(first.join()).isEqualTo(1);
        assertThat(bodiesFromNewConnection()).containsExactly("first");
    }

    @Test
    void failed_commit_fails_every_task() {
        WriterBlocker blocker = WriterBlocker.block(writer);
        long before = writer.commitCount();
        CompletableFuture<Integer> first = writer.submit(insert("first"));
        // With deferred foreign keys SQLite checks the link at COMMIT, so the statement succeeds and the COMMIT fails.
        CompletableFuture<Integer> dangling = writer.submit(handle -> {
            handle.execute("PRAGMA defer_foreign_keys = ON");
            return handle.execute("INSERT INTO note_links (note_id) VALUES (999)");
        });
        CompletableFuture<Integer> last = writer.submit(insert("last"));

        blocker.release();

        Throwable commitFailure = causeOf(first);
        assertThat(commitFailure).isInstanceOf(TransactionException.class).hasMessageContaining("commit");
        assertThat(commitFailure).hasRootCauseInstanceOf(SQLException.class);
        assertThat(causeOf(dangling)).isSameAs(commitFailure);
        assertThat(causeOf(last)).isSameAs(commitFailure);
        assertThat(bodiesFromNewConnection()).isEmpty();
        assertThat(writer.commitCount() - before).isEqualTo(1);
    }

    @Test
    void writer_recovers_after_failed_commit() {
        assertThatThrownBy(() -> writer.useTransaction(handle -> {
            handle.execute("PRAGMA defer_foreign_keys = ON");
            handle.execute("INSERT INTO note_links (note_id) VALUES (999)");
        })).isInstanceOf(TransactionException.class);

        writer.useTransaction(handle -> handle.execute("INSERT INTO notes (body) VALUES ('after')"));

        assertThat(bodiesFromNewConnection()).containsExactly("after");
    }

    @Test
    void full_queue_rejects_write() {
        WriterBlocker blocker = WriterBlocker.block(writer);
        List<CompletableFuture<Object>> queued = blocker.fillQueue();

        Throwable rejected = catchThrowable(
                () -> writer.useTransaction(handle -> handle.execute("INSERT INTO notes (body) VALUES ('rejected')")));
        blocker.release();
        queued.forEach(CompletableFuture::join);

        assertThat(queued).hasSize(Database.WRITE_QUEUE_CAPACITY);
        assertThat(rejected).isInstanceOf(UnavailableException.class).hasMessage("error.unavailable.writes");
        assertThat(((UnavailableException) rejected).retryAfterSeconds()).isEqualTo(1);
        assertThat(bodiesFromNewConnection()).isEmpty();
    }

    @Test
    void interrupted_caller_fails_but_write_commits() {
        WriterBlocker blocker = WriterBlocker.block(writer);

        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> writer.useTransaction(handle -> handle.execute("INSERT INTO notes (body) VALUES ('interrupted')")))
                .isInstanceOf(IllegalStateException.class)
                .hasCauseInstanceOf(InterruptedException.class);
        boolean interruptFlagKept = Thread.interrupted();

        blocker.release();
        // The queue is first in, first out, so once a later write has committed the interrupted one has run.
        writer.useTransaction(handle -> handle.execute("INSERT INTO notes (body) VALUES ('later')"));

        assertThat(interruptFlagKept).isTrue();
        assertThat(bodiesFromNewConnection()).containsExactlyInAnyOrder("interrupted", "later");
    }

    @Test
    void close_commits_queued_tasks() {
        WriterBlocker blocker = WriterBlocker.block(writer);
        List<CompletableFuture<Integer>> queued = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            queued.add(writer.submit(insert("queued " + i)));
        }

        writer.shutdown();
        assertThatThrownBy(() -> writer.submit(insert("too late")))
                .isInstanceOf(UnavailableException.class)
                .hasMessage("error.unavailable.stopping");
        blocker.release();
        database.close();

        assertThat(queued).allSatisfy(result -> assertThat(result).isCompletedWithValue(1));
        assertThat(bodiesFromNewConnection()).hasSize(100).doesNotContain("too late");
    }

    private static HandleCallback<Integer, RuntimeException> insert(String body) {
        return handle -> handle.execute("INSERT INTO notes (body) VALUES (?)", body);
    }

    /** Starts THREADS threads at once, each inserting INSERTS_PER_THREAD rows one write at a time. */
    private List<Future<?>> insertConcurrently() {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> results = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            int threadNumber = thread;
            results.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < INSERTS_PER_THREAD; i++) {
                    String body = threadNumber + "-" + i;
                    writer.useTransaction(handle -> handle.execute("INSERT INTO notes (body) VALUES (?)", body));
                }
                return null;
            }));
        }
        start.countDown();
        pool.shutdown();
        return results;
    }

    /** Reads the committed notes through a connection of its own, opened after the writes returned. */
    private List<String> bodiesFromNewConnection() {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT body FROM notes ORDER BY id")) {
            List<String> bodies = new ArrayList<>();
            while (rows.next()) {
                bodies.add(rows.getString(1));
            }
            return bodies;
        } catch (SQLException failure) {
            throw new IllegalStateException("Failed to read the notes table", failure);
        }
    }

    private static Throwable causeOf(CompletableFuture<?> result) {
        try {
            result.get();
        } catch (ExecutionException failed) {
            return failed.getCause();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
        throw new AssertionError("Expected the write to fail, but it succeeded");
    }
}
