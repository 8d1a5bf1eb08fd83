package org.nodepoint.db;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.ExtensionCallback;
import org.jdbi.v3.core.extension.ExtensionConsumer;
import org.jdbi.v3.core.transaction.DelegatingTransactionHandler;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.nodepoint.errors.StorageFullException;
import org.nodepoint.errors.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the application's writes on one background thread. The writes that arrive while a
 * transaction commits run together in the next transaction, so that they share one fsync of the WAL.
 *
 * <p>A caller passes a task and blocks until the transaction that contains it has committed. The
 * thread takes every queued task, up to {@code maxBatchSize}, without waiting for more to arrive.
 * It runs each task inside its own SAVEPOINT and then commits once. A task that throws is rolled
 * back to its savepoint, so it neither undoes nor fails the other tasks of its batch, and its
 * caller gets the exception it threw. If the COMMIT fails, every caller whose task had succeeded
 * gets that failure instead.
 *
 * <p>Contract for tasks. A task runs on the writer thread with a handle that is already inside
 * the batch's transaction, so {@code handle.inTransaction} and {@code useTransaction} join it. A
 * task returns normally to keep its changes and throws to discard them. It must not commit, roll
 * back or close the handle, because the other tasks of the batch share the transaction. Calling
 * {@code commit()} or {@code rollback()} throws IllegalStateException, but COMMIT, ROLLBACK or
 * RELEASE executed as SQL cannot be blocked. A task that defers foreign key checks and leaves a
 * violation makes the COMMIT, and so its whole batch, fail. A task should do database work only,
 * because every other writer waits while it runs. It must not use {@link Database#write()}, whose
 * one connection the batch holds, so such a call waits for the pool's timeout and then fails. A
 * write that a task submits, directly or through a service, runs at once on the same handle inside
 * a nested savepoint, so it commits or rolls back with the outer task.
 *
 * <p>NOTE: a service method that reads its own write back through {@link Database#read()}, as
 * {@code ProductService.create} does, fails when it runs nested in a task, because the read pool
 * reads only committed data. No service calls another service's write from inside a task today.
 */
public final class GroupCommitWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

    /**
     * Seconds that a rejected caller is asked to wait (Retry-After). The writer keeps draining the
     * queue, so a short wait usually finds room.
     */
    static final int RETRY_AFTER_SECONDS = 1;
    private static final long REJECTION_WARNING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** The queue entry that {@link #shutdown()} adds after the last accepted task. */
    private static final Task<Void> STOP = new Task<>(handle -> null);

    private final Jdbi jdbi;
    private final int queueCapacity;
    private final int maxBatchSize;
    private final BlockingQueue<Task<?>> queue;
    private final Thread thread;

    /** Submitters hold the read lock while they enqueue, so no task can be enqueued after STOP. */
    private final ReadWriteLock acceptance = new ReentrantReadWriteLock();
    private boolean accepting = true;

    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong rejectionsSinceWarning = new AtomicLong();
    private final AtomicLong lastRejectionWarning;

    /** The open batch's handle and savepoint nesting depth, used only on the writer thread. */
    private Handle batchHandle;
    private int savepointDepth;

    /**
     * Starts the writer thread. The writer replaces the transaction handler of {@code jdbi} with
     * one that rejects commit and rollback from tasks, so {@code jdbi} should serve this writer only.
     */
    GroupCommitWriter(Jdbi jdbi, int queueCapacity, int maxBatchSize) {
        this.jdbi = jdbi.setTransactionHandler(new TaskTransactionGuard(jdbi.getTransactionHandler()));
        this.queueCapacity = queueCapacity;
        this.maxBatchSize = maxBatchSize;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.lastRejectionWarning = new AtomicLong(System.nanoTime() - REJECTION_WARNING_INTERVAL_NANOS);
        this.thread = new Thread(this::runUntilStopped, "nodepoint-group-commit");
        // A daemon thread cannot keep the JVM alive. Writes still queued at exit are lost, but none
        // of their callers has received a result.
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Runs the callback in the next batch and returns its result once that batch has committed. An
     * exception from the callback reaches the caller unchanged.
     *
     * <p>Throws UnavailableException, without running the callback, when the queue is full or the
     * writer is closed. Throws IllegalStateException when the calling thread is interrupted while
     * it waits. The interrupt flag is then set again, and the task still runs and may commit.
     */
    public <R> R inTransaction(HandleCallback<R, RuntimeException> callback) {
        if (isWriterThread()) {
            return runInSavepoint(batchHandle, callback);
        }
        return await(enqueue(callback));
    }

    /** Runs the consumer like {@link #inTransaction(HandleCallback)}. */
    public void useTransaction(HandleConsumer<RuntimeException> consumer) {
        inTransaction(consumer.asCallback());
    }

    /**
     * Runs the callback with a SQL object of {@code type} attached to the batch's handle, like
     * {@link #inTransaction(HandleCallback)}.
     */
    public <R, E> R withExtension(Class<E> type, ExtensionCallback<R, E, RuntimeException> callback) {
        return inTransaction(handle -> callback.withExtension(handle.attach(type)));
    }

    /** Runs the consumer with a SQL object of {@code type}, like {@link #withExtension}. */
    public <E> void useExtension(Class<E> type, ExtensionConsumer<E, RuntimeException> consumer) {
        inTransaction(handle -> {
            consumer.useExtension(handle.attach(type));
            return null;
        });
    }

    /**
     * Returns the number of transactions committed so far. With concurrent writers it grows slower
     * than the number of writes.
     */
    public long commitCount() {
        return commits.get();
    }

    /** Returns the number of tasks waiting for the writer thread, for tests that order concurrent writes. */
    int queuedTasks() {
        return queue.size();
    }

    /**
     * Queues the callback and returns a future that completes after its batch has committed, or
     * with the callback's exception. On the writer thread the callback runs at once, as in
     * {@link #inTransaction(HandleCallback)}.
     */
    <R> CompletableFuture<R> submit(HandleCallback<R, RuntimeException> callback) {
        if (!isWriterThread()) {
            return enqueue(callback);
        }
        try {
            return CompletableFuture.completedFuture(runInSavepoint(batchHandle, callback));
        } catch (RuntimeException | Error failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    /** Rejects new tasks from now on. The tasks queued before still run and commit. */
    void shutdown() {
        boolean wasAccepting;
        acceptance.writeLock().lock();
        try {
            wasAccepting = accepting;
            accepting = false;
        } finally {
            acceptance.writeLock().unlock();
        }
        if (wasAccepting) {
            putUninterruptibly(STOP);
        }
    }

    /**
     * Rejects new tasks, waits until every queued task has run and committed, and stops the thread.
     * If the calling thread is interrupted meanwhile, this returns without waiting any longer.
     */
    @Override
    public void close() {
        shutdown();
        try {
            thread.join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while waiting for the queued writes to commit, so those still queued fail once the database closes");
        }
    }

    private <R> CompletableFuture<R> enqueue(HandleCallback<R, RuntimeException> callback) {
        Task<R> task = new Task<>(callback);
        acceptance.readLock().lock();
        try {
            if (!accepting) {
                throw new UnavailableException("error.unavailable.stopping", RETRY_AFTER_SECONDS);
            }
            if (!queue.offer(task)) {
                warnAboutRejection();
                throw new UnavailableException("error.unavailable.writes", RETRY_AFTER_SECONDS);
            }
        } finally {
            acceptance.readLock().unlock();
        }
        return task.result;
    }

    private static <R> R await(CompletableFuture<R> result) {
        try {
            return result.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a write to commit. The write still runs and may commit", interrupted);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (StorageFull.isCause(cause)) {
                throw new StorageFullException(cause);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Write task failed with a checked exception", cause);
        }
    }

    /** Logs a full queue at most once per 10 seconds, with the number of writes rejected meanwhile. */
    private void warnAboutRejection() {
        rejectionsSinceWarning.incrementAndGet();
        long now = System.nanoTime();
        long last = lastRejectionWarning.get();
        if (now - last >= REJECTION_WARNING_INTERVAL_NANOS && lastRejectionWarning.compareAndSet(last, now)) {
            log.warn("Write queue is full ({} tasks): rejected {} writes since the last warning", queueCapacity,
                    rejectionsSinceWarning.getAndSet(0));
        }
    }

    private void putUninterruptibly(Task<?> task) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(task);
                break;
            } catch (InterruptedException ignored) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean isWriterThread() {
        return Thread.currentThread() == thread;
    }

    private void runUntilStopped() {
        List<Task<?>> batch = new ArrayList<>(maxBatchSize);
        boolean stopped = false;
        while (!stopped) {
            batch.add(takeUninterruptibly());
            queue.drainTo(batch, maxBatchSize - 1);
            stopped = batch.remove(STOP);
            if (!batch.isEmpty()) {
                runBatch(batch);
            }
            batch.clear();
        }
    }

    private Task<?> takeUninterruptibly() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException ignored) {
                // Only close() ends this thread, so that no queued task is left without an outcome.
            }
        }
    }

    /** Runs the tasks in one transaction and completes every caller once the outcome is known. */
    private void runBatch(List<Task<?>> batch) {
        Handle handle = null;
        try {
            handle = jdbi.open();
            handle.begin();
            batchHandle = handle;
            savepointDepth = 0;
            for (Task<?> task : batch) {
                task.run(this, handle);
            }
            batchHandle = null;
            handle.commit();
        } catch (Throwable failure) {
            // Catches everything, because an exception that ended this thread would leave every
            // later caller waiting forever.
            batchHandle = null;
            rollbackQuietly(handle, failure);
            closeQuietly(handle);
            log.error("Failed to commit a batch of {} writes, so none of them was stored", batch.size(), failure);
            batch.forEach(task -> task.failUnlessFailed(failure));
            return;
        }
        closeQuietly(handle);
        commits.incrementAndGet();
        log.debug("Committed a batch of {} writes", batch.size());
        batch.forEach(Task::complete);
    }

    /**
     * Runs the callback inside a new savepoint of the open batch. When the callback throws, the
     * savepoint is rolled back and released and the exception is rethrown. A SAVEPOINT, ROLLBACK TO
     * or RELEASE that fails throws BrokenTransactionException, because the batch's transaction has
     * then ended or lost changes.
     */
    private <R> R runInSavepoint(Handle handle, HandleCallback<R, RuntimeException> callback) {
        String savepoint = "write_task_" + (savepointDepth + 1);
        executeTransactionControl(handle, "SAVEPOINT " + savepoint);
        savepointDepth++;
        R result;
        try {
            result = callback.withHandle(handle);
        } catch (RuntimeException | Error failure) {
            savepointDepth--;
            try {
                executeTransactionControl(handle, "ROLLBACK TO " + savepoint);
                executeTransactionControl(handle, "RELEASE " + savepoint);
            } catch (BrokenTransactionException broken) {
                broken.addSuppressed(failure);
                throw broken;
            }
            throw failure;
        }
        savepointDepth--;
        executeTransactionControl(handle, "RELEASE " + savepoint);
        return result;
    }

    private static void executeTransactionControl(Handle handle, String sql) {
        try (Statement statement = handle.getConnection().createStatement()) {
            statement.execute(sql);
        } catch (SQLException failure) {
            throw new BrokenTransactionException(sql, failure);
        }
    }

    private static void rollbackQuietly(Handle handle, Throwable cause) {
        if (handle == null) {
            return;
        }
        try {
            if (handle.isInTransaction()) {
                handle.rollback();
            }
        } catch (RuntimeException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    private static void closeQuietly(Handle handle) {
        if (handle == null) {
            return;
        }
        try {
            handle.close();
        } catch (RuntimeException closeFailure) {
            log.warn("Failed to close the writer's handle after a batch", closeFailure);
        }
    }

    /** One queued callback, with the outcome that its caller receives after the batch ends. */
    private static final class Task<R> {
        private final HandleCallback<R, RuntimeException> callback;
        private final CompletableFuture<R> result = new CompletableFuture<>();
        private R value;
        private Throwable failure;

        Task(HandleCallback<R, RuntimeException> callback) {
            this.callback = callback;
        }

        /** Runs the callback in its savepoint, keeping its result or exception for later. */
        void run(GroupCommitWriter writer, Handle handle) {
            try {
                value = writer.runInSavepoint(handle, callback);
            } catch (BrokenTransactionException broken) {
                throw broken;
            } catch (RuntimeException | Error thrown) {
                failure = thrown;
            }
        }

        void complete() {
            if (failure == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(failure);
            }
        }

        /** Completes with the batch's failure, unless the callback had already failed on its own. */
        void failUnlessFailed(Throwable batchFailure) {
            result.completeExceptionally(failure == null ? batchFailure : failure);
        }
    }

    /** A transaction-control statement failed, so the batch's transaction can no longer be trusted. */
    static final class BrokenTransactionException extends RuntimeException {
        BrokenTransactionException(String sql, SQLException cause) {
            super("Failed to execute " + sql + " in the writer's transaction, so the batch is rolled back. "
                    + "A task may have ended the transaction with SQL, or SQLite rolled it back after an error", cause);
        }
    }

    /**
     * Rejects commit and rollback on the writer thread while a task runs, because the task shares
     * its transaction with the rest of the batch. Every other call goes to Jdbi's own handler.
     */
    private final class TaskTransactionGuard extends DelegatingTransactionHandler {
        TaskTransactionGuard(TransactionHandler delegate) {
            super(delegate);
        }

        @Override
        public TransactionHandler specialize(Handle handle) throws SQLException {
            return new TaskTransactionGuard(getDelegate().specialize(handle));
        }

        @Override
        public void commit(Handle handle) {
            rejectInsideTask("commit");
            super.commit(handle);
        }

        @Override
        public void rollback(Handle handle) {
            rejectInsideTask("roll back");
            super.rollback(handle);
        }

        private void rejectInsideTask(String action) {
            if (isWriterThread() && savepointDepth > 0) {
                throw new IllegalStateException("A write task must not " + action + " the transaction that its batch shares. "
                        + "Return normally to keep its changes or throw to discard them");
            }
        }
    }
}
