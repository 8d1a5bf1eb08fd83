package org.nodepoint.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Limits sign-in attempts per account name and per client address within a sliding window, so
 * that passwords cannot be guessed at speed. An attempt is counted before its password is checked,
 * so guesses sent in parallel are limited too, and a successful sign-in takes its attempt back.
 * State is in memory: a restart clears it.
 */
public final class LoginThrottle {
    static final int MAX_FAILURES_PER_NAME = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Bounds memory when many distinct names or addresses fail. */
    private static final int MAX_TRACKED_KEYS = 100_000;

    private final Clock clock;
    private final Map<String, Deque<Long>> attempts = new HashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records an attempt and returns true, or returns false without recording when the name or the
     * address has used up its attempts in the window.
     */
    public synchronized boolean tryAttempt(String name, String address) {
        if (count(nameKey(name)) >= MAX_FAILURES_PER_NAME || count(addressKey(address)) >= MAX_FAILURES_PER_ADDRESS) {
            return false;
        }
        if (attempts.size() > MAX_TRACKED_KEYS) {
            attempts.clear();
        }
        long now = clock.millis();
        attempts.computeIfAbsent(nameKey(name), ignored -> new ArrayDeque<>()).addLast(now);
        attempts.computeIfAbsent(addressKey(address), ignored -> new ArrayDeque<>()).addLast(now);
        return true;
    }

    /** Forgets the name's attempts and gives the address back the attempt that succeeded. */
    public synchronized void recordSuccess(String name, String address) {
        attempts.remove(nameKey(name));
        Deque<Long> fromAddress = attempts.get(addressKey(address));
        if (fromAddress != null && !fromAddress.isEmpty()) {
            fromAddress.removeLast();
        }
    }

    /**
     * Takes back one attempt of the name and the address, for a request that checked a password
     * but failed for another reason, so that mistakes in other fields do not count as guesses.
     */
    public synchronized void giveBack(String name, String address) {
        for (String key : new String[] {nameKey(name), addressKey(address)}) {
            Deque<Long> times = attempts.get(key);
            if (times != null && !times.isEmpty()) {
                times.removeLast();
            }
        }
    }

    private int count(String key) {
        Deque<Long> times = attempts.get(key);
        if (times == null) {
            return 0;
        }
        long cutoff = clock.millis() - WINDOW.toMillis();
        while (!times.isEmpty() && times.peekFirst() < cutoff) {
            times.removeFirst();
        }
        return times.size();
    }

    private static String nameKey(String name) {
        return "name:" + (name == null ? "" : name.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
