package org.nodepoint.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.syslog.LogEntry;
import org.nodepoint.testing.ManualClock;
import org.nodepoint.testing.TestNodePoint;

/** The daily backup, driven by a manual clock that starts at 2026-03-02 09:00 UTC. */
class ScheduledBackupsTest {
    @TempDir
    Path folder;

    private static List<String> logMessages(TestNodePoint node) {
        return node.wiring.systemLog.newest(0, 50).stream().map(LogEntry::message).toList();
    }

    @Test
    void backup_runs_once_a_day_after_its_time() throws IOException {
        ManualClock clock = new ManualClock();
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of(Settings.BACKUP_TIME, "10:30", Settings.TIME_ZONE, "UTC"), clock)) {
            ScheduledBackups backups = new ScheduledBackups(folder, node.wiring.settings, node.wiring.systemLog, clock);

            assertThat(backups.runIfDue()).isEmpty();
            clock.advance(Duration.ofMinutes(90));
            Optional<Path> first = backups.runIfDue();
            assertThat(first).isPresent();
            assertThat(first.get().getFileName().toString()).isEqualTo("nodepoint-backup-20260302T103000Z.zip");
            clock.advance(Duration.ofHours(5));
            assertThat(backups.runIfDue()).isEmpty();
            clock.advance(Duration.ofHours(9));
            assertThat(backups.runIfDue()).as("00:30 the next day is before the backup time").isEmpty();
            clock.advance(Duration.ofHours(10));
            assertThat(backups.runIfDue()).isPresent();

            assertThat(new BackupFolder(folder).archives()).hasSize(2);
            assertThat(logMessages(node)).filteredOn(message -> message.startsWith("Wrote the scheduled backup")).hasSize(2);
        }
    }

    @Test
    void retention_keeps_newest_archives() throws IOException {
        ManualClock clock = new ManualClock();
        Map<String, String> settings = Map.of(Settings.BACKUP_TIME, "02:00", Settings.BACKUP_KEEP, "2", Settings.TIME_ZONE, "UTC");
        try (TestNodePoint node = TestNodePoint.configured(folder, settings, clock)) {
            ScheduledBackups backups = new ScheduledBackups(folder, node.wiring.settings, node.wiring.systemLog, clock);
            Path backupsFolder = Files.createDirectories(new BackupFolder(folder).path());
            Path unrelated = Files.writeString(backupsFolder.resolve("manual-copy.zip"), "not a scheduled archive");

            for (int day = 0; day < 4; day++) {
                assertThat(backups.runIfDue()).isPresent();
                clock.advance(Duration.ofDays(1));
            }

            List<String> names = new BackupFolder(folder).archives().stream().map(path -> path.getFileName().toString()).toList();
            assertThat(names).containsExactly("nodepoint-backup-20260304T090000Z.zip", "nodepoint-backup-20260305T090000Z.zip");
            assertThat(unrelated).exists();
            assertThat(logMessages(node).get(0)).contains("deleted 1 older archives to keep 2 (setting backup_keep)");
        }
    }

    @Test
    void restart_skips_day_with_archive() throws IOException {
        ManualClock clock = new ManualClock();
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of(Settings.BACKUP_TIME, "03:00", Settings.TIME_ZONE, "UTC"), clock)) {
            assertThat(new ScheduledBackups(folder, node.wiring.settings, node.wiring.systemLog, clock).runIfDue()).isPresent();

            ScheduledBackups afterRestart = new ScheduledBackups(folder, node.wiring.settings, node.wiring.systemLog, clock);

            assertThat(afterRestart.runIfDue()).isEmpty();
            clock.advance(Duration.ofDays(1));
            assertThat(afterRestart.runIfDue()).isPresent();
        }
    }

    @Test
    void empty_time_means_no_backups() throws IOException {
        ManualClock clock = new ManualClock();
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of(), clock)) {
            ScheduledBackups backups = new ScheduledBackups(folder, node.wiring.settings, node.wiring.systemLog, clock);

            for (int hour = 0; hour < 25; hour++) {
                assertThat(backups.runIfDue()).isEmpty();
                clock.advance(Duration.ofHours(1));
            }
            assertThat(new BackupFolder(folder).archives()).isEmpty();
        }
    }

    @Test
    void failed_backup_is_logged() throws IOException {
        ManualClock clock = new ManualClock();
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of(Settings.BACKUP_TIME, "08:00", Settings.TIME_ZONE, "UTC"), clock)) {
            // A file where the backups folder should be makes every backup fail.
            Files.writeString(folder.resolve(BackupFolder.FOLDER), "in the way");
            ScheduledBackups backups = new ScheduledBackups(folder, node.wiring.settings, node.wiring.systemLog, clock);

            assertThat(backups.runIfDue()).isEmpty();

            assertThat(logMessages(node)).anyMatch(message -> message.startsWith("Scheduled backup failed"));
        }
    }
}
