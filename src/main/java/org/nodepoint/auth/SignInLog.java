package org.nodepoint.auth;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.nodepoint.syslog.LogCategory;
import org.nodepoint.syslog.SystemLog;

/**
 * Records failed and throttled password checks in the system log. The name tried is the actor
 * and the client address is in the message. The password is never recorded.
 *
 * <p>Failures need no limit, because the throttle bounds them per address. Throttled attempts
 * cost the client nothing, so an address that keeps sending them gets one entry per throttle
 * window. The next entry after the window counts the attempts that were not recorded.
 */
public final class SignInLog {
    /** Bounds memory when throttled attempts come from very many addresses; the counts start again when reached. */
    private static final int MAX_TRACKED_ADDRESSES = 10_000;

    private final SystemLog systemLog;
    private final Clock clock;
    private final Map<String, QuietPeriod> quietAddresses = new HashMap<>();

    /** The end of an address's quiet period in epoch milliseconds, and the throttled attempts counted in it. */
    private static final class QuietPeriod {
        private final long until;
        private int unrecorded;

        QuietPeriod(long until) {
            this.until = until;
        }
    }

    public SignInLog(SystemLog systemLog, Clock clock) {
        this.systemLog = systemLog;
        this.clock = clock;
    }

    /** Records a wrong name or password; {@code where} names the form or API call, such as "on the sign-in page". */
    public void failed(String name, String address, String where) {
        systemLog.record(LogCategory.SIGN_IN, name, "Failed password check from " + address + " " + where);
    }

    /** Records an attempt that the throttle rejected, unless one from the same address was recorded within the window. */
    public void throttled(String name, String address, String where) {
        Integer unrecorded = startQuietPeriod(address);
        if (unrecorded == null) {
            return;
        }
        String message = "Too many failed attempts: throttled a password check from " + address + " " + where
                + ". Throttled attempts from this address are recorded at most once in " + LoginThrottle.WINDOW.toMinutes() + " minutes";
        if (unrecorded > 0) {
            message += "; " + unrecorded + " were not recorded since the previous entry";
        }
        systemLog.record(LogCategory.SIGN_IN, name, message + ".");
    }

    /**
     * Starts a quiet period for the address and returns the number of attempts counted in the last
     * one, or returns null and counts this attempt while a quiet period is running.
     */
    private synchronized Integer startQuietPeriod(String address) {
        long now = clock.millis();
        QuietPeriod current = quietAddresses.get(address);
        if (current != null && now < current.until) {
            current.unrecorded++;
            return null;
        }
        if (quietAddresses.size() >= MAX_TRACKED_ADDRESSES) {
            quietAddresses.clear();
        }
        quietAddresses.put(address, new QuietPeriod(now + LoginThrottle.WINDOW.toMillis()));
        return current == null ? 0 : current.unrecorded;
    }
}
