package org.nodepoint.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Limits sign-in attempts within a sliding window, so that passwords cannot be guessed at speed:
 * per account name from one client address, per client address, and per account name from all
 * addresses together with a higher limit. A name is locked for everyone only after failures from
 * several addresses, so one client cannot lock the administrator out. An attempt is counted before
 * its password is checked, so guesses sent in parallel are limited too, and a successful sign-in
 * takes its attempt back. State is in memory: a restart clears it.
 */
public final class LoginThrottle {
    /** Failures allowed for one name from one address. */
    static final int MAX_FAILURES_PER_NAME = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 20;
    /** Failures allowed for one name from all addresses: more than one address can send on its own. */
    static final int MAX_FAILURES_PER_NAME_EVERYWHERE = 100;
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
        if (count(nameAtAddressKey(name, address)) >= MAX_FAILURES_PER_NAME || count(addressKey(address)) >= MAX_FAILURES_PER_ADDRESS
                || count(nameKey(name)) >= MAX_FAILURES_PER_NAME_EVERYWHERE) {
            return false;
        }
        if (attempts.size() > MAX_TRACKED_KEYS) {
            attempts.clear();
        }
        long now = clock.millis();
        for (String key : keys(name, address)) {
            attempts.computeIfAbsent(key, ignored -> new ArrayDeque<>()).addLast(now);
        }
        return true;
    }

    /** Forgets the name's attempts and gives the address back the attempt that succeeded. */
    public synchronized void recordSuccess(String name, String address) {
        attempts.remove(nameKey(name));
        attempts.remove(nameAtAddressKey(name, address));
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
        for (String key : keys(name, address)) {
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

    private static String[] keys(String name, String address) {
        return new String[] {nameAtAddressKey(name, address), nameKey(name), addressKey(address)};
    }

    private static String nameAtAddressKey(String name, String address) {
        return nameKey(name) + "@" + addressKey(address);
    }

    private static String nameKey(String name) {
        return "name:" + (name == null ? "" : name.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
