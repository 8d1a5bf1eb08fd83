package org.nodepoint.background;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class UnfinishedCountTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void await_returns_when_nothing_is_unfinished() {
        UnfinishedCount unfinished = new UnfinishedCount();

        unfinished.awaitZero(WAIT, "jobs were still waiting");

        assertThat(unfinished.get()).isZero();
    }

    @Test
    void await_returns_after_last_decrement() {
        UnfinishedCount unfinished = new UnfinishedCount();
        List<String> finished = new CopyOnWriteArrayList<>();
        unfinished.increment();
        unfinished.increment();
        Thread waiting = Thread.currentThread();
        Thread worker = new Thread(() -> {
            ThreadStates.awaitTimedWaiting(waiting);
            finished.add("first");
            unfinished.decrement();
            finished.add("second");
            unfinished.decrement();
        });
        worker.setDaemon(true);

        worker.start();
        unfinished.awaitZero(WAIT, "jobs were still waiting");

        assertThat(finished).containsExactly("first", "second");
        assertThat(unfinished.get()).isZero();
    }

    @Test
    void await_timeout_names_the_count() {
        UnfinishedCount unfinished = new UnfinishedCount();
        unfinished.increment();
        unfinished.increment();

        assertThatThrownBy(() -> unfinished.awaitZero(Duration.ofMillis(20), "jobs were still waiting"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("2 jobs were still waiting after PT0.02S");
    }

    @Test
    void interrupted_await_throws_and_keeps_flag() {
        UnfinishedCount unfinished = new UnfinishedCount();
        unfinished.increment();
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> unfinished.awaitZero(WAIT, "jobs were still waiting"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Interrupted");
        assertThat(Thread.interrupted()).isTrue();
    }
}
