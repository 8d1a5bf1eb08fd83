package org.nodepoint.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.errors.ForbiddenException;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.Viewer;

/**
 * A manager's change that was checked before the administrator's promotion of the same account
 * committed, but runs after it, is rejected. The writer is held so that both land in one batch in
 * a known order.
 */
class ManagementRaceTest {
    @TempDir
    Path folder;

    @Test
    void promotion_meanwhile_rejects_manager() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("victim", Level.PROJECTS_MANAGEMENT);
            Viewer manager = node.viewer(node.user("manager", Level.USERS_MANAGEMENT));
            GroupCommitWriter writer = node.wiring.database.groupCommitWriter();
            WriterBlocker blocker = WriterBlocker.block(writer);

            CompletableFuture<Object> promotion = writer.submit(handle -> handle.execute("UPDATE users SET level = 5 WHERE name = 'victim'"));
            CompletableFuture<Void> demotion = CompletableFuture.runAsync(() -> node.wiring.userManagement.changeLevel(manager, "victim", Level.AUTHORIZED));
            while (writer.queuedTasks() < 2 && !demotion.isDone()) {
                Thread.onSpinWait();
            }
            blocker.release();
            promotion.join();

            assertThat(demotion).failsWithin(java.time.Duration.ofSeconds(30))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withCauseInstanceOf(ForbiddenException.class);
            assertThat(node.wiring.users.findByName("victim").orElseThrow().level()).isEqualTo(5);
        }
    }
}
