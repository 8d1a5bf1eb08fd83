package org.nodepoint.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nodepoint.config.Settings;
import org.nodepoint.events.Origin;
import org.nodepoint.projects.Product;
import org.nodepoint.submissions.Submission;
import org.nodepoint.testing.ManualClock;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;

/**
 * A task is overdue from the first instant after its due day in the site's time zone. The clock
 * starts at 2026-03-02 09:00 UTC: 22:00 that day in Auckland (UTC+13) and 01:00 in Los Angeles
 * (UTC-8, until daylight saving time starts on 2026-03-08).
 */
class TaskOverdueTest {
    @TempDir
    Path folder;

    private final ManualClock clock = new ManualClock();
    private TestNodePoint node;
    private User rita;
    private Product product;

    private void start(String zone) {
        node = TestNodePoint.configured(folder, Map.of(Settings.TIME_ZONE, zone), clock);
        rita = node.user("rita", Level.AUTHORIZED);
        product = node.product("Office move", "Public");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private long taskDue(String day) {
        return node.wiring.tasks.add(node.admin(), product.id(), new TaskForm("Pack the printers", String.valueOf(rita.id()), day),
                Submission.NONE);
    }

    /** Moves the clock to the given instant, which must not be earlier than now. */
    private void moveTo(String instant) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
    }

    @ParameterizedTest(name = "{0}, due {1}")
    @CsvSource({
        "Pacific/Auckland,    2026-03-02, 2026-03-02T10:59:59Z, 2026-03-02T11:00:01Z",
        "America/Los_Angeles, 2026-03-02, 2026-03-03T07:59:59Z, 2026-03-03T08:00:01Z",
        // The day that daylight saving time starts has 23 hours; it ends at midnight PDT (UTC-7).
        "America/Los_Angeles, 2026-03-08, 2026-03-09T06:59:59Z, 2026-03-09T07:00:01Z"
    })
    void overdue_after_local_midnight(String zone, String dueDay, String lastSecond, String secondAfterMidnight) {
        start(zone);
        long id = taskDue(dueDay);

        moveTo(lastSecond);
        boolean overdueAt2359 = node.wiring.tasks.find(id).overdue();
        moveTo(secondAfterMidnight);
        boolean overdueAfterMidnight = node.wiring.tasks.find(id).overdue();

        assertThat(overdueAt2359).as("at 23:59:59 local time on the due day").isFalse();
        assertThat(overdueAfterMidnight).as("one second after midnight local time").isTrue();
    }

    @Test
    void utc_date_alone_would_be_wrong() {
        start("Pacific/Auckland");
        long id = taskDue("2026-03-02");

        moveTo("2026-03-02T11:00:01Z");

        assertThat(node.wiring.tasks.today()).isEqualTo("2026-03-03");
        assertThat(node.wiring.tasks.find(id).overdue()).isTrue();
        node.set(Settings.TIME_ZONE, "UTC");
        assertThat(node.wiring.tasks.find(id).overdue()).isFalse();
    }

    @Test
    void completed_task_is_never_overdue() {
        start("Pacific/Auckland");
        long id = taskDue("2026-03-01");

        node.wiring.tasks.setCompletion(node.viewer(rita), id, "100", Origin.WEB);

        Task task = node.wiring.tasks.find(id);
        assertThat(task.isCompleted()).isTrue();
        assertThat(task.overdue()).isFalse();
    }

    @Test
    void home_panel_flags_overdue_task() {
        start("America/Los_Angeles");
        long late = taskDue("2026-03-01");
        long onTime = taskDue("2026-03-02");

        HomeTasks panel = node.wiring.tasks.homeTasks(node.viewer(rita));

        assertThat(panel.open()).extracting(Task::id).containsExactly(late, onTime);
        assertThat(panel.open()).extracting(Task::overdue).containsExactly(true, false);
    }
}
