package org.nodepoint.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nodepoint.background.ThreadStates;

class EventBusTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void delivers_in_order_to_every_listener() {
        List<DomainEvent> first = new CopyOnWriteArrayList<>();
        List<DomainEvent> second = new CopyOnWriteArrayList<>();
        try (EventBus bus = new EventBus()) {
            bus.subscribe(first::add);
            bus.subscribe(second::add);
            TicketCreated created = new TicketCreated(1, 7, Origin.WEB);
            CommentAdded commented = new CommentAdded(1, 3, 7, Origin.API);
            bus.publish(created);
            bus.publish(commented);
            bus.awaitDelivered(WAIT);
            assertThat(first).containsExactly(created, commented);
            assertThat(second).containsExactly(created, commented);
        }
    }

    @Test
    void failing_listener_spares_the_others() {
        List<DomainEvent> received = new CopyOnWriteArrayList<>();
        try (EventBus bus = new EventBus()) {
            bus.subscribe(event -> {
                throw new IllegalStateException("listener broke");
            });
            bus.subscribe(received::add);
            bus.publish(new TicketCreated(1, 7, Origin.WEB));
            bus.publish(new TicketCreated(2, 7, Origin.WEB));
            bus.awaitDelivered(WAIT);
            assertThat(received).extracting(event -> ((TicketCreated) event).ticketId()).containsExactly(1L, 2L);
        }
    }

    @Test
    void publish_returns_while_listener_is_slow() {
        CountDownLatch release = new CountDownLatch(1);
        List<DomainEvent> finished = new CopyOnWriteArrayList<>();
        try (EventBus bus = new EventBus()) {
            bus.subscribe(event -> {
                awaitQuietly(release);
                finished.add(event);
            });
            bus.publish(new TicketCreated(1, 7, Origin.WEB));
            bus.publish(new TicketCreated(2, 7, Origin.WEB));

            // Both calls returned although the listener cannot finish before the release below.
            assertThat(finished).isEmpty();
            release.countDown();
            bus.awaitDelivered(WAIT);
            assertThat(finished).hasSize(2);
        }
    }

    @Test
    void full_queue_drops_the_event() {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<DomainEvent> received = new CopyOnWriteArrayList<>();
        try (EventBus bus = new EventBus(1)) {
            bus.subscribe(event -> {
                started.countDown();
                awaitQuietly(release);
            });
            bus.subscribe(received::add);
            bus.publish(new TicketCreated(1, 7, Origin.WEB));
            // The worker is busy with the first event, so the queue of one takes the second and rejects the third.
            awaitQuietly(started);
            bus.publish(new TicketCreated(2, 7, Origin.WEB));
            bus.publish(new TicketCreated(3, 7, Origin.WEB));
            release.countDown();
        }
        assertThat(received).extracting(event -> ((TicketCreated) event).ticketId()).containsExactly(1L, 2L);
    }

    @Test
    void close_delivers_queued_events() throws InterruptedException {
        CountDownLatch gate = new CountDownLatch(1);
        List<DomainEvent> received = new CopyOnWriteArrayList<>();
        EventBus bus = new EventBus();
        bus.subscribe(event -> {
            awaitQuietly(gate);
            received.add(event);
        });
        for (long id = 1; id <= 10; id++) {
            bus.publish(new TicketCreated(id, 7, Origin.WEB));
        }
        Thread closing = new Thread(bus::close);
        closing.start();
        // The listener is held at the first event, so close() starts with nine events still queued.
        ThreadStates.awaitTimedWaiting(closing);
        gate.countDown();
        closing.join();

        assertThat(received).hasSize(10);
        bus.publish(new TicketCreated(11, 7, Origin.WEB));
        assertThat(received).hasSize(10);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
