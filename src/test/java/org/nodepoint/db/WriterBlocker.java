package org.nodepoint.db;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.jdbi.v3.core.Handle;
import org.nodepoint.errors.UnavailableException;

/**
 * A task that holds the writer thread from {@link #block} until {@link #release()}, so that the
 * tasks submitted meanwhile wait in the queue and then run together as the next batch.
 */
final class WriterBlocker {
    private final GroupCommitWriter writer;
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private CompletableFuture<Object> done;

    private WriterBlocker(GroupCommitWriter writer) {
        this.writer = writer;
    }

    /** Submits the holding task and returns once it runs on the writer thread. */
    static WriterBlocker block(GroupCommitWriter writer) {
        WriterBlocker blocker = new WriterBlocker(writer);
        blocker.done = writer.submit(blocker::holdWriterThread);
        awaitLatch(blocker.started);
        return blocker;
    }

    /** Submits tasks that do nothing until the writer rejects one, and returns the accepted ones. */
    List<CompletableFuture<Object>> fillQueue() {
        List<CompletableFuture<Object>> accepted = new ArrayList<>();
        while (true) {
            try {
                accepted.add(writer.submit(handle -> null));
            } catch (UnavailableException full) {
                return accepted;
            }
        }
    }

    /** Lets the holding task finish and waits until its batch has committed. */
    void release() {
        released.countDown();
        done.join();
    }

    private Object holdWriterThread(Handle handle) {
        started.countDown();
        awaitLatch(released);
        return null;
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the writer thread", interrupted);
        }
    }
}
