package org.nodepoint.syslog;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.nodepoint.config.SettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes system log entries older than the log_retention setting (in days), once when it starts
 * and then once a day, on its own background thread. The setting is read at each run, so a new
 * retention applies from the next run.
 */
public final class LogRetention implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LogRetention.class);
    static final Duration INTERVAL = Duration.ofDays(1);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final SystemLog systemLog;
    private final SettingsStore settings;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor executor;

    public LogRetention(SystemLog systemLog, SettingsStore settings, Clock clock) {
        this.systemLog = systemLog;
        this.settings = settings;
        this.clock = clock;
        this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "nodepoint-log-retention");
            thread.setDaemon(true);
            return thread;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Schedules the first deletion at once and the next ones a day apart. */
    public void start() {
        executor.scheduleWithFixedDelay(this::runScheduled, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Deletes the entries older than the retention, records how many went in the system log when
     * any did, and returns that number. It stops between batches once {@link #close()} has begun.
     */
    public int deleteExpired() {
        int days = settings.current().logRetentionDays();
        long cutoff = clock.instant().minus(Duration.ofDays(days)).toEpochMilli();
        int total = 0;
        int deleted;
        do {
            deleted = systemLog.deleteBatchOlderThan(cutoff);
            total += deleted;
        } while (deleted == SystemLog.DELETE_BATCH && !executor.isShutdown());
        if (total > 0) {
            log.info("Deleted {} system log entries older than {} days", total, days);
            systemLog.record(LogCategory.SYSTEM, "", "Deleted " + total + (total == 1 ? " log entry" : " log entries")
                    + " older than " + days + (days == 1 ? " day" : " days") + " (setting log_retention)");
        }
        return total;
    }

    /** Catches every failure, because an exception would cancel the daily repetition. */
    private void runScheduled() {
        try {
            deleteExpired();
        } catch (RuntimeException failure) {
            log.error("Failed to delete old system log entries; the next attempt is in {}", INTERVAL, failure);
        }
    }

    /** Waits until the deletions scheduled to run by now have finished; for tests. */
    public void awaitIdle(Duration timeout) {
        CompletableFuture<Void> marker = new CompletableFuture<>();
        try {
            executor.execute(() -> marker.complete(null));
            marker.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shutDown) {
            return;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException notDone) {
            throw new IllegalStateException("Old log entries were still being deleted after " + timeout, notDone);
        }
    }

    /** Cancels the next runs and waits for a running deletion to finish its current batch. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("Deleting old system log entries did not stop within {}", SHUTDOWN_WAIT);
                executor.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
