package org.nodepoint.background;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nodepoint.background.BackgroundExecutors.Shutdown;

/** The executor helpers on real threads. Latches and thread states order the threads, so no assertion depends on timing. */
class BackgroundExecutorsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Long enough to hold a task while the test acts, short enough that a failed test still ends. */
    private static final long HOLD_SECONDS = 60;

    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> done = new CopyOnWriteArrayList<>();
    private ThreadPoolExecutor pool;

    @AfterEach
    void stopPool() {
        release.countDown();
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Test
    void bounded_pool_rejects_when_full() throws InterruptedException {
        pool = BackgroundExecutors.boundedPool(1, 1, DaemonThreads.named("nodepoint-test"));
        CountDownLatch started = new CountDownLatch(1);

        pool.execute(() -> hold(started));
        assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        pool.execute(() -> done.add("queued"));

        assertThatThrownBy(() -> pool.execute(() -> done.add("rejected"))).isInstanceOf(RejectedExecutionException.class);
        release.countDown();
        BackgroundExecutors.shutDown(pool, WAIT);
        assertThat(done).containsExactly("held", "queued");
    }

    @Test
    void bounded_pool_runs_on_named_daemon_threads() {
        pool = BackgroundExecutors.boundedPool(2, 10, DaemonThreads.numbered("nodepoint-test-"));
        List<Thread> threads = new CopyOnWriteArrayList<>();

        pool.execute(() -> threads.add(Thread.currentThread()));
        BackgroundExecutors.shutDown(pool, WAIT);

        assertThat(threads).singleElement().satisfies(thread -> {
            assertThat(thread.getName()).isEqualTo("nodepoint-test-1");
            assertThat(thread.isDaemon()).isTrue();
        });
    }

    @Test
    void scheduler_drops_delayed_tasks_at_shutdown() {
        ScheduledThreadPoolExecutor scheduler = BackgroundExecutors.singleThreadScheduler("nodepoint-test");
        scheduler.schedule(() -> done.add("delayed"), 1, TimeUnit.HOURS);

        Shutdown shutdown = BackgroundExecutors.shutDown(scheduler, WAIT);

        assertThat(shutdown.timedOut()).isFalse();
        assertThat(scheduler.isTerminated()).isTrue();
        assertThat(done).isEmpty();
    }

    @Test
    void await_queued_tasks_waits_for_earlier_ones() throws InterruptedException {
        pool = BackgroundExecutors.boundedPool(1, 10, DaemonThreads.named("nodepoint-test"));
        Thread waiting = Thread.currentThread();
        pool.execute(() -> {
            ThreadStates.awaitTimedWaiting(waiting);
            done.add("earlier");
        });

        BackgroundExecutors.awaitQueuedTasks(pool, WAIT, "Tasks were still running");

        assertThat(done).containsExactly("earlier");
    }

    @Test
    void await_queued_tasks_timeout_names_the_work() {
        pool = BackgroundExecutors.boundedPool(1, 10, DaemonThreads.named("nodepoint-test"));
        pool.execute(() -> hold(new CountDownLatch(1)));

        assertThatThrownBy(() -> BackgroundExecutors.awaitQueuedTasks(pool, Duration.ofMillis(20), "Tasks were still running"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Tasks were still running after PT0.02S");
    }

    @Test
    void await_queued_tasks_returns_once_shut_down() {
        pool = BackgroundExecutors.boundedPool(1, 10, DaemonThreads.named("nodepoint-test"));
        pool.shutdown();

        assertThatCode(() -> BackgroundExecutors.awaitQueuedTasks(pool, WAIT, "Tasks were still running"))
                .doesNotThrowAnyException();
    }

    @Test
    void shut_down_runs_queued_tasks_first() {
        pool = BackgroundExecutors.boundedPool(1, 10, DaemonThreads.named("nodepoint-test"));
        for (int task = 1; task <= 5; task++) {
            String name = "task " + task;
            pool.execute(() -> done.add(name));
        }

        Shutdown shutdown = BackgroundExecutors.shutDown(pool, WAIT);

        assertThat(shutdown.timedOut()).isFalse();
        assertThat(shutdown.neverStarted()).isEmpty();
        assertThat(done).containsExactly("task 1", "task 2", "task 3", "task 4", "task 5");
        assertThat(pool.isTerminated()).isTrue();
    }

    @Test
    void shut_down_interrupts_tasks_after_the_wait() throws InterruptedException {
        pool = BackgroundExecutors.boundedPool(1, 10, DaemonThreads.named("nodepoint-test"));
        CountDownLatch started = new CountDownLatch(1);
        pool.execute(() -> holdUntilInterrupted(started));
        pool.execute(() -> done.add("queued"));
        assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        Shutdown shutdown = BackgroundExecutors.shutDown(pool, Duration.ofMillis(20), WAIT);

        assertThat(shutdown.timedOut()).isTrue();
        assertThat(shutdown.neverStarted()).hasSize(1);
        assertThat(pool.isTerminated()).isTrue();
        assertThat(done).containsExactly("interrupted");
    }

    @Test
    void interrupted_caller_stops_the_executor_at_once() throws InterruptedException {
        pool = BackgroundExecutors.boundedPool(1, 10, DaemonThreads.named("nodepoint-test"));
        CountDownLatch started = new CountDownLatch(1);
        pool.execute(() -> holdUntilInterrupted(started));
        pool.execute(() -> done.add("queued"));
        assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        Thread.currentThread().interrupt();

        Shutdown shutdown = BackgroundExecutors.shutDown(pool, WAIT);

        assertThat(Thread.interrupted()).isTrue();
        assertThat(shutdown.timedOut()).isFalse();
        assertThat(shutdown.neverStarted()).hasSize(1);
        assertThat(pool.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(done).containsExactly("interrupted");
    }

    /** Signals {@code started}, then blocks until the test releases it. */
    private void hold(CountDownLatch started) {
        started.countDown();
        try {
            if (release.await(HOLD_SECONDS, TimeUnit.SECONDS)) {
                done.add("held");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void holdUntilInterrupted(CountDownLatch started) {
        started.countDown();
        try {
            new CountDownLatch(1).await(HOLD_SECONDS, TimeUnit.SECONDS);
            done.add("not interrupted");
        } catch (InterruptedException interrupted) {
            done.add("interrupted");
        }
    }
}
