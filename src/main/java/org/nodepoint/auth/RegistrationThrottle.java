package org.nodepoint.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Limits self-registrations per client address within a sliding window, so that one client cannot
 * create accounts, and the confirmation mails they cause, at speed. A registration is counted
 * before the form is checked, so that forms sent in parallel are limited too, and a rejected form
 * takes its registration back. State is in memory: a restart clears it.
 */
public final class RegistrationThrottle {
    static final int MAX_PER_ADDRESS = 5;
    static final Duration WINDOW = Duration.ofHours(1);
    /** Bounds memory when many distinct addresses register. */
    private static final int MAX_TRACKED_ADDRESSES = 100_000;

    private final Clock clock;
    private final Map<String, Deque<Long>> registrations = new HashMap<>();

    public RegistrationThrottle(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records a registration from the address and returns true, or returns false without recording
     * when the address registered {@link #MAX_PER_ADDRESS} accounts within {@link #WINDOW}.
     */
    public synchronized boolean tryRegister(String address) {
        long now = clock.millis();
        Deque<Long> times = registrations.get(address);
        if (times != null) {
            while (!times.isEmpty() && times.peekFirst() <= now - WINDOW.toMillis()) {
                times.removeFirst();
            }
            if (times.size() >= MAX_PER_ADDRESS) {
                return false;
            }
        }
        if (registrations.size() > MAX_TRACKED_ADDRESSES) {
            registrations.clear();
        }
        registrations.computeIfAbsent(address, ignored -> new ArrayDeque<>()).addLast(now);
        return true;
    }

    /** Takes back the address's latest registration, for a form that was rejected and created no account. */
    public synchronized void giveBack(String address) {
        Deque<Long> times = registrations.get(address);
        if (times != null && !times.isEmpty()) {
            times.removeLast();
        }
    }
}
