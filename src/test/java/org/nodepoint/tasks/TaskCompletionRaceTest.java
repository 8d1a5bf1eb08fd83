package org.nodepoint.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.events.DomainEvent;
import org.nodepoint.events.TaskCompleted;
import org.nodepoint.projects.Product;
import org.nodepoint.submissions.Submission;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;

/** The assignee sends 100 % from several tabs at the same moment: the task is completed once and TaskCompleted goes out once. */
class TaskCompletionRaceTest {
    private static final int TABS = 8;

    @TempDir
    Path folder;

    @Test
    void racing_completions_publish_once() throws Exception {
        List<DomainEvent> events = new ArrayList<>();
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            User rita = node.user("rita", Level.AUTHORIZED);
            Product product = node.product("Office move", "Public");
            long id = node.wiring.tasks.add(node.admin(), product.id(), new TaskForm("Pack", String.valueOf(rita.id()), "2030-06-30"),
                    Submission.NONE);
            node.wiring.events.subscribe(event -> {
                synchronized (events) {
                    events.add(event);
                }
            });
            node.http((server, client) -> {
                List<Browser> tabs = new ArrayList<>();
                for (int i = 0; i < TABS; i++) {
                    Browser tab = new Browser(client.getOrigin());
                    assertThat(tab.signIn("rita", TestNodePoint.PASSWORD).status()).isEqualTo(302);
                    tab.get("/");
                    tabs.add(tab);
                }

                List<Integer> statuses = sendTogether(tabs, "/tasks/" + id + "/completion");

                assertThat(statuses).containsOnly(302);
            });
            node.wiring.events.awaitDelivered(Duration.ofSeconds(5));
            assertThat(node.wiring.tasks.find(id).completion()).isEqualTo(TaskService.COMPLETE);
            assertThat(node.wiring.tasks.panel(node.admin(), product, TaskForm.blank(), null, "").log())
                    .filteredOn(entry -> entry.event().equals("completion")).hasSize(1);
        }
        synchronized (events) {
            assertThat(events).filteredOn(TaskCompleted.class::isInstance).hasSize(1);
        }
    }

    /** Posts completion 100 from every tab on its own thread, released together, and returns the statuses. */
    private static List<Integer> sendTogether(List<Browser> tabs, String path) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(tabs.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (Browser tab : tabs) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return tab.post(path, Map.of("completion", "100")).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : futures) {
                statuses.add(future.get());
            }
            return statuses;
        } finally {
            threads.shutdownNow();
        }
    }
}
