package org.nodepoint.background;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes daemon threads with a recognizable name for thread dumps. Daemon threads do not keep the
 * JVM alive, so an executor left open cannot block the exit.
 */
public final class DaemonThreads implements ThreadFactory {
    private final String name;
    private final boolean numbered;
    private final AtomicInteger count = new AtomicInteger();

    private DaemonThreads(String name, boolean numbered) {
        this.name = name;
        this.numbered = numbered;
    }

    /** Gives every thread the same name. */
    public static DaemonThreads named(String name) {
        return new DaemonThreads(name, false);
    }

    /** Names the threads {@code prefix} followed by 1, 2, 3 and so on. */
    public static DaemonThreads numbered(String prefix) {
        return new DaemonThreads(prefix, true);
    }

    @Override
    public Thread newThread(Runnable task) {
        String threadName = numbered ? name + count.incrementAndGet() : name;
        Thread thread = new Thread(task, threadName);
        thread.setDaemon(true);
        return thread;
    }
}
