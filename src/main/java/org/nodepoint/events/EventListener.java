package org.nodepoint.events;

/** Reacts to events on the bus's background thread; a listener ignores the event types it has no use for. */
@FunctionalInterface
public interface EventListener {
    void on(DomainEvent event);
}
