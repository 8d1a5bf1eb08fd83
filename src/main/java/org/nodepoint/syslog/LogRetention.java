package org.nodepoint.syslog;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.nodepoint.background.BackgroundExecutors;
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
        this.executor = BackgroundExecutors.singleThreadScheduler("nodepoint-log-retention");
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
        BackgroundExecutors.awaitQueuedTasks(executor, timeout, "Old log entries were still being deleted");
    }

    /** Cancels the next runs and waits for a running deletion to finish its current batch. */
    @Override
    public void close() {
        if (BackgroundExecutors.shutDown(executor, SHUTDOWN_WAIT).timedOut()) {
            log.warn("Deleting old system log entries did not stop within {}", SHUTDOWN_WAIT);
        }
    }
}
