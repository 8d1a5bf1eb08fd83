package org.nodepoint.background;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Builds, waits for and stops the executors that run work off the request threads. */
public final class BackgroundExecutors {
    private BackgroundExecutors() {
    }

    /**
     * Outcome of {@link #shutDown}. {@code timedOut} is true when the tasks outlived the wait and
     * were interrupted. {@code neverStarted} lists the queued tasks that were dropped, which also
     * happens without a time-out when the calling thread was interrupted.
     */
    public record Shutdown(boolean timedOut, List<Runnable> neverStarted) {
        public Shutdown {
            neverStarted = List.copyOf(neverStarted);
        }
    }

    /**
     * Returns a pool of {@code threads} threads with a queue of at most {@code queueCapacity}
     * waiting tasks. A task submitted to a full queue is rejected with
     * {@link RejectedExecutionException} rather than run on the caller's thread.
     */
    public static ThreadPoolExecutor boundedPool(int threads, int queueCapacity, DaemonThreads threadFactory) {
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueCapacity), threadFactory);
    }

    /** Returns a single-thread scheduler that drops its delayed tasks when it is shut down. */
    public static ScheduledThreadPoolExecutor singleThreadScheduler(String threadName) {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, DaemonThreads.named(threadName));
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return scheduler;
    }

    /**
     * Waits until the tasks queued before this call have been taken from the queue, by queueing a
     * marker task behind them. On a single-thread executor, which runs its tasks in order, every
     * earlier task has then finished. Returns at once when the executor is shut down, and restores
     * the interrupt flag when interrupted.
     *
     * @throws IllegalStateException "{@code stillBusy} after {@code timeout}" when the marker did not run in time
     */
    public static void awaitQueuedTasks(Executor executor, Duration timeout, String stillBusy) {
        CompletableFuture<Void> marker = new CompletableFuture<>();
        try {
            executor.execute(() -> marker.complete(null));
            marker.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shutDown) {
            return;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException notDone) {
            throw new IllegalStateException(stillBusy + " after " + timeout, notDone);
        }
    }

    /** Stops the executor like {@link #shutDown(ExecutorService, Duration, Duration)}, without waiting after the interrupt. */
    public static Shutdown shutDown(ExecutorService executor, Duration wait) {
        return shutDown(executor, wait, Duration.ZERO);
    }

    /**
     * Stops taking tasks and gives the queued and running ones up to {@code wait} to finish. After
     * that it interrupts the running tasks, drops the queued ones and waits up to
     * {@code waitAfterInterrupt} for the interrupted tasks to end. When the calling thread is
     * interrupted, it stops the executor at once and restores the interrupt flag.
     */
    public static Shutdown shutDown(ExecutorService executor, Duration wait, Duration waitAfterInterrupt) {
        executor.shutdown();
        boolean finished;
        try {
            finished = executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            List<Runnable> neverStarted = executor.shutdownNow();
            Thread.currentThread().interrupt();
            return new Shutdown(false, neverStarted);
        }
        if (finished) {
            return new Shutdown(false, List.of());
        }
        List<Runnable> neverStarted = executor.shutdownNow();
        try {
            executor.awaitTermination(waitAfterInterrupt.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return new Shutdown(true, neverStarted);
    }
}
