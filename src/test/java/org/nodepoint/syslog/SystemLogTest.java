package org.nodepoint.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.testing.TestNodePoint;

class SystemLogTest {
    @TempDir
    Path folder;

    @Test
    void entries_list_newest_first() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            SystemLog log = node.wiring.systemLog;
            log.record(LogCategory.SIGN_IN, "dana", "Wrong password from 127.0.0.1");
            log.record(LogCategory.SETTINGS, "admin", "Changed site_name");
            assertThat(log.newest(0, 10)).extracting(LogEntry::category, LogEntry::actor, LogEntry::message)
                    .containsExactly(
                            tuple("settings", "admin", "Changed site_name"),
                            tuple("sign_in", "dana", "Wrong password from 127.0.0.1"));
            assertThat(log.newest(1, 10)).hasSize(1);
        }
    }

    @Test
    void long_message_is_cut() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.wiring.systemLog.record(LogCategory.PLUGIN, "", "x".repeat(5_000));
            String stored = node.wiring.systemLog.newest(0, 1).get(0).message();
            assertThat(stored).hasSize(SystemLog.MAX_MESSAGE_LENGTH).endsWith("…");
        }
    }

    @Test
    void old_entries_are_deleted() {
        // Within the default retention of 90 days, so that the deletion when the folder opens again keeps the entry.
        Instant monthAgo = Instant.now().minus(Duration.ofDays(30));
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of(), Clock.fixed(monthAgo, ZoneOffset.UTC))) {
            node.wiring.systemLog.record(LogCategory.SYSTEM, "", "Old entry");
        }
        try (TestNodePoint node = TestNodePoint.reopen(folder)) {
            node.wiring.systemLog.record(LogCategory.SYSTEM, "", "New entry");
            int deleted = node.wiring.systemLog.deleteOlderThan(monthAgo.plus(Duration.ofDays(1)).toEpochMilli());
            assertThat(deleted).isEqualTo(1);
            assertThat(node.wiring.systemLog.newest(0, 10)).extracting(LogEntry::message).containsExactly("New entry");
        }
    }
}
