package org.nodepoint.events;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import org.nodepoint.background.BackgroundExecutors;
import org.nodepoint.background.BackgroundExecutors.Shutdown;
import org.nodepoint.background.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands committed events to the listeners on one background thread, in the order they were
 * published, so that a request never waits for mail or plugins. The queue is bounded: when it is
 * full the event is dropped with a warning rather than slowing the request down. A listener that
 * throws is logged and the others still run.
 */
public final class EventBus implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventBus.class);
    public static final int DEFAULT_CAPACITY = 10_000;
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private final List<EventListener> listeners = new CopyOnWriteArrayList<>();
    private final ThreadPoolExecutor executor;

    public EventBus() {
        this(DEFAULT_CAPACITY);
    }

    public EventBus(int capacity) {
        this.executor = BackgroundExecutors.boundedPool(1, capacity, DaemonThreads.named("nodepoint-events"));
    }

    public void subscribe(EventListener listener) {
        listeners.add(listener);
    }

    /** Queues the event for the listeners; call it only after the transaction that made it has committed. */
    public void publish(DomainEvent event) {
        try {
            executor.execute(() -> deliver(event));
        } catch (RejectedExecutionException full) {
            log.warn("Dropped {}: the event queue is full or shut down", event);
        }
    }

    private void deliver(DomainEvent event) {
        for (EventListener listener : listeners) {
            try {
                listener.on(event);
            } catch (RuntimeException failure) {
                log.error("Listener {} failed on {}", listener.getClass().getSimpleName(), event, failure);
            }
        }
    }

    /** Waits until every event published before this call has reached every listener; for tests and shutdown. */
    public void awaitDelivered(Duration timeout) {
        BackgroundExecutors.awaitQueuedTasks(executor, timeout, "Events were still being delivered");
    }

    /** Stops taking events and delivers the ones already queued. */
    @Override
    public void close() {
        Shutdown shutdown = BackgroundExecutors.shutDown(executor, SHUTDOWN_WAIT);
        if (shutdown.timedOut()) {
            log.warn("{} events were not delivered before shutdown", shutdown.neverStarted().size());
        }
    }
}
