package org.nodepoint.background;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Number of pieces of background work that were accepted and have not finished yet, which tests
 * wait on until it reaches zero. The owner decides what counts as one piece: a queued task, or a
 * mail with all its retries.
 */
public final class UnfinishedCount {
    private int count;

    public synchronized void increment() {
        count++;
    }

    /** Counts one piece as finished and wakes the threads in {@link #awaitZero} when none is left. */
    public synchronized void decrement() {
        count--;
        if (count == 0) {
            notifyAll();
        }
    }

    public synchronized int get() {
        return count;
    }

    /**
     * Waits until the count is zero.
     *
     * @param stillWaiting the text that follows the count in the time-out message
     *     "{count} {stillWaiting} after {timeout}", such as "mails were still waiting"
     * @throws IllegalStateException when the count is above zero after {@code timeout}, or when the
     *     thread is interrupted, in which case the interrupt flag is restored
     */
    public synchronized void awaitZero(Duration timeout, String stillWaiting) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException(count + " " + stillWaiting + " after " + timeout);
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while " + count + " " + stillWaiting, interrupted);
            }
        }
    }
}
