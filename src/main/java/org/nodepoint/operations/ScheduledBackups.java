package org.nodepoint.operations;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.nodepoint.background.BackgroundExecutors;
import org.nodepoint.config.Settings;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.syslog.LogCategory;
import org.nodepoint.syslog.SystemLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily backup of a running server: once a day, at or after the backup_time setting in the
 * configured time zone, it writes an archive to the backups folder and then keeps only the newest
 * backup_keep archives there. It looks once a minute on its own thread, and reads the settings
 * each time, so a change applies without a restart. A server that was down at the backup time
 * writes the day's backup when it starts, unless the folder already has one from that day.
 */
public final class ScheduledBackups implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScheduledBackups.class);
    static final Duration POLL_INTERVAL = Duration.ofMinutes(1);
    /** A backup of a large site can take minutes. After this wait, closing interrupts it, and the backup deletes its partial files. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private final Path dataFolder;
    private final SettingsStore settings;
    private final SystemLog systemLog;
    private final Clock clock;
    private final BackupFolder backups;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ScheduledThreadPoolExecutor executor;
    /** The day, in the configured zone, of the last backup attempt, or null before the first look. */
    private volatile LocalDate lastAttemptDay;

    public ScheduledBackups(Path dataFolder, SettingsStore settings, SystemLog systemLog, Clock clock) {
        this.dataFolder = dataFolder;
        this.settings = settings;
        this.systemLog = systemLog;
        this.clock = clock;
        this.backups = new BackupFolder(dataFolder);
        this.executor = BackgroundExecutors.singleThreadScheduler("nodepoint-backups");
    }

    /** Starts looking for a due backup now and then once a minute. Only {@code serve} calls this. */
    public void start() {
        executor.scheduleWithFixedDelay(this::runScheduled, 0, POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Writes the day's backup when it is due and none is running, and returns the archive written.
     * A failed attempt is recorded in the system log and not repeated until the next day.
     */
    public Optional<Path> runIfDue() {
        Settings current = settings.current();
        Optional<LocalTime> time = current.backupTime();
        if (time.isEmpty()) {
            return Optional.empty();
        }
        ZoneId zone = current.zone();
        ZonedDateTime now = clock.instant().atZone(zone);
        LocalDate lastDay = lastAttemptDay != null ? lastAttemptDay : newestArchiveDay(zone);
        boolean due = !now.toLocalTime().isBefore(time.get()) && (lastDay == null || lastDay.isBefore(now.toLocalDate()));
        if (!due || !running.compareAndSet(false, true)) {
            return Optional.empty();
        }
        try {
            lastAttemptDay = now.toLocalDate();
            return Optional.of(backUp(current.backupKeep()));
        } catch (BackupException | IOException | RuntimeException failure) {
            log.error("Scheduled backup of {} failed; the next attempt is tomorrow at {}", dataFolder, time.get(), failure);
            systemLog.record(LogCategory.SYSTEM, "", "Scheduled backup failed: " + failure.getMessage());
            return Optional.empty();
        } finally {
            running.set(false);
        }
    }

    private Path backUp(int keep) throws BackupException, IOException {
        long started = System.nanoTime();
        BackupWriter.Result result = new BackupWriter(clock).write(dataFolder, backups.archiveFor(clock.instant()), ByteProgress.NONE);
        List<Path> deleted = backups.keepNewest(keep);
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("Wrote the scheduled backup {} ({} bytes) in {} ms and deleted {} older archives", result.archive(), result.archiveBytes(),
                millis, deleted.size());
        systemLog.record(LogCategory.SYSTEM, "", "Wrote the scheduled backup " + result.archive().getFileName() + " ("
                + result.archiveBytes() + " bytes); deleted " + deleted.size() + " older archives to keep " + keep + " (setting backup_keep)");
        return result.archive();
    }

    private LocalDate newestArchiveDay(ZoneId zone) {
        try {
            List<Path> archives = backups.archives();
            if (archives.isEmpty()) {
                return null;
            }
            return BackupFolder.startOf(archives.get(archives.size() - 1)).atZone(zone).toLocalDate();
        } catch (IOException unreadable) {
            log.warn("Failed to list {}: {}", backups.path(), unreadable.toString());
            return null;
        }
    }

    /** Catches every failure, because an exception would cancel the repetition. */
    private void runScheduled() {
        try {
            runIfDue();
        } catch (RuntimeException failure) {
            log.error("Failed to look for a due backup; the next look is in {}", POLL_INTERVAL, failure);
        }
    }

    /** Waits until the looks scheduled to run by now have finished; for tests. */
    public void awaitIdle(Duration timeout) {
        BackgroundExecutors.awaitQueuedTasks(executor, timeout, "A scheduled backup was still running");
    }

    @Override
    public void close() {
        if (BackgroundExecutors.shutDown(executor, SHUTDOWN_WAIT).timedOut()) {
            log.warn("The scheduled backup did not stop within {}", SHUTDOWN_WAIT);
        }
    }
}
