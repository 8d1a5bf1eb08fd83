package org.nodepoint.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final LoginThrottle throttle = new LoginThrottle(Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void name_locks_at_one_address_only() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_NAME; i++) {
            assertThat(throttle.tryAttempt("admin", "10.0.0.1")).isTrue();
        }

        assertThat(throttle.tryAttempt("admin", "10.0.0.1")).isFalse();
        assertThat(throttle.tryAttempt("ADMIN", "10.0.0.1")).isFalse();
        assertThat(throttle.tryAttempt("admin", "10.0.0.2")).isTrue();
    }

    @Test
    void address_locks_for_every_name() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
            assertThat(throttle.tryAttempt("user" + i, "10.0.0.1")).isTrue();
        }

        assertThat(throttle.tryAttempt("someone-else", "10.0.0.1")).isFalse();
        assertThat(throttle.tryAttempt("someone-else", "10.0.0.2")).isTrue();
    }

    @Test
    void name_locks_everywhere_after_many_addresses() {
        int addresses = LoginThrottle.MAX_FAILURES_PER_NAME_EVERYWHERE / LoginThrottle.MAX_FAILURES_PER_NAME;
        for (int address = 0; address < addresses; address++) {
            for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_NAME; i++) {
                assertThat(throttle.tryAttempt("admin", "10.0.1." + address)).isTrue();
            }
        }

        assertThat(throttle.tryAttempt("admin", "10.0.2.1")).isFalse();
        assertThat(throttle.tryAttempt("dana", "10.0.2.1")).isTrue();
    }

    @Test
    void success_clears_name_counts() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_NAME - 1; i++) {
            throttle.tryAttempt("dana", "10.0.0.1");
        }
        assertThat(throttle.tryAttempt("dana", "10.0.0.1")).isTrue();

        throttle.recordSuccess("dana", "10.0.0.1");

        assertThat(throttle.tryAttempt("dana", "10.0.0.1")).isTrue();
    }
}
