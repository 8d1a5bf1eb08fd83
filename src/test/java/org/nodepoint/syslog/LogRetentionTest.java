package org.nodepoint.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.SystemLogTable.rows;
import static org.nodepoint.testing.SystemLogTable.signedInAdmin;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.testing.SystemLogTable.Row;
import org.nodepoint.testing.MovableClock;
import org.nodepoint.testing.TestNodePoint;

/** Deleting entries older than log_retention, at start and at each daily run, seen through the log page. */
class LogRetentionTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    private static List<String> messages(List<Row> rows) {
        return rows.stream().map(Row::message).toList();
    }

    @Test
    void daily_run_deletes_entries_older_than_the_retention() {
        MovableClock clock = new MovableClock();
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of(Settings.LOG_RETENTION, "7"), clock)) {
            node.wiring.logRetention.awaitIdle(WAIT);
            node.wiring.systemLog.record(LogCategory.SYSTEM, "", "Eight days old");
            clock.advance(Duration.ofDays(2));
            node.wiring.systemLog.record(LogCategory.SYSTEM, "", "Six days old");
            clock.advance(Duration.ofDays(6));
            node.wiring.systemLog.record(LogCategory.SYSTEM, "", "New");

            int deleted = node.wiring.logRetention.deleteExpired();

            assertThat(deleted).isEqualTo(1);
            node.http((server, client) -> assertThat(messages(rows(signedInAdmin(client.getOrigin())))).containsExactly(
                    "Deleted 1 log entry older than 7 days (setting log_retention)", "New", "Six days old"));
        }
    }

    @Test
    void start_deletes_entries_that_expired_while_stopped() {
        MovableClock clock = new MovableClock();
        clock.advance(Duration.ofDays(-100));
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of(), clock)) {
            node.wiring.logRetention.awaitIdle(WAIT);
            node.wiring.systemLog.record(LogCategory.SYSTEM, "", "Written 100 days ago");
            clock.advance(Duration.ofDays(20));
            node.wiring.systemLog.record(LogCategory.SYSTEM, "", "Written 80 days ago");
        }

        try (TestNodePoint node = TestNodePoint.reopen(folder)) {
            node.wiring.logRetention.awaitIdle(WAIT);

            node.http((server, client) -> assertThat(messages(rows(signedInAdmin(client.getOrigin())))).containsExactly(
                    "Deleted 1 log entry older than 90 days (setting log_retention)", "Written 80 days ago"));
        }
    }

    @Test
    void deletion_goes_on_past_one_batch() {
        MovableClock clock = new MovableClock();
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of(Settings.LOG_RETENTION, "1"), clock)) {
            node.wiring.logRetention.awaitIdle(WAIT);
            long old = clock.millis();
            int count = SystemLog.DELETE_BATCH * 2 + 5;
            node.wiring.database.write().useTransaction(handle -> {
                var insert = handle.prepareBatch("INSERT INTO system_log (created_at, category, actor, message) VALUES (?, 'system', '', ?)");
                for (int i = 0; i < count; i++) {
                    insert.add(old, "Old entry " + i);
                }
                insert.execute();
            });
            clock.advance(Duration.ofDays(2));

            int deleted = node.wiring.logRetention.deleteExpired();

            assertThat(deleted).isEqualTo(count);
            assertThat(node.wiring.systemLog.newest(0, 10)).extracting(LogEntry::message)
                    .containsExactly("Deleted " + count + " log entries older than 1 day (setting log_retention)");
        }
    }
}
