package org.nodepoint.background;

import java.time.Duration;

/**
 * Lets a test thread hold back until another thread blocks in a timed wait, so that a test can
 * show that a method waits instead of returning early.
 */
public final class ThreadStates {
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private ThreadStates() {
    }

    /**
     * Spins until {@code thread} is in {@link Thread.State#TIMED_WAITING}. Returns after
     * {@link #LIMIT} in any case, so that a broken wait fails the test's assertions instead of
     * hanging it.
     */
    public static void awaitTimedWaiting(Thread thread) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (thread.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }
}
