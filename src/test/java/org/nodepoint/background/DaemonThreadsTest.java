package org.nodepoint.background;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DaemonThreadsTest {

    @Test
    void named_threads_share_the_name() {
        DaemonThreads threads = DaemonThreads.named("nodepoint-test");

        Thread first = threads.newThread(() -> { });
        Thread second = threads.newThread(() -> { });

        assertThat(first.getName()).isEqualTo("nodepoint-test");
        assertThat(second.getName()).isEqualTo("nodepoint-test");
        assertThat(first.isDaemon()).isTrue();
        assertThat(second.isDaemon()).isTrue();
    }

    @Test
    void numbered_threads_count_from_one() {
        DaemonThreads threads = DaemonThreads.numbered("nodepoint-test-");

        Thread first = threads.newThread(() -> { });
        Thread second = threads.newThread(() -> { });

        assertThat(first.getName()).isEqualTo("nodepoint-test-1");
        assertThat(second.getName()).isEqualTo("nodepoint-test-2");
        assertThat(second.isDaemon()).isTrue();
    }

    @Test
    void thread_runs_the_task() throws InterruptedException {
        boolean[] ran = new boolean[1];
        Thread thread = DaemonThreads.named("nodepoint-test").newThread(() -> ran[0] = true);

        thread.start();
        thread.join();

        assertThat(ran[0]).isTrue();
    }
}
