package org.nodepoint.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed sign-ins per account name and per client address within a sliding window, so that
 * passwords cannot be guessed at speed. State is in memory: a restart clears it.
 */
public final class LoginThrottle {
    static final int MAX_FAILURES_PER_NAME = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Bounds memory when many distinct names or addresses fail. */
    private static final int MAX_TRACKED_KEYS = 100_000;

    private final Clock clock;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    public boolean isBlocked(String name, String address) {
        return count(nameKey(name)) >= MAX_FAILURES_PER_NAME || count(addressKey(address)) >= MAX_FAILURES_PER_ADDRESS;
    }

    public void recordFailure(String name, String address) {
        if (failures.size() > MAX_TRACKED_KEYS) {
            failures.clear();
        }
        long now = clock.millis();
        for (String key : new String[] {nameKey(name), addressKey(address)}) {
            Deque<Long> times = failures.computeIfAbsent(key, ignored -> new ArrayDeque<>());
            synchronized (times) {
                times.addLast(now);
            }
        }
    }

    public void recordSuccess(String name) {
        failures.remove(nameKey(name));
    }

    private int count(String key) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        long cutoff = clock.millis() - WINDOW.toMillis();
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() < cutoff) {
                times.removeFirst();
            }
            return times.size();
        }
    }

    private static String nameKey(String name) {
        return "name:" + (name == null ? "" : name.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
