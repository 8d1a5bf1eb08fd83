package org.nodepoint.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.Wiring;
import org.nodepoint.config.Settings;
import org.nodepoint.setup.SetupForm;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.User;

class SessionExpiryTest {
    /** A clock that tests move forward by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-03-02T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TempDir
    Path folder;

    private User registered(Wiring wiring) {
        wiring.setup.configure(new SetupForm("admin", TestNodePoint.ADMIN_PASSWORD, TestNodePoint.ADMIN_PASSWORD, "Desk", "Restricted",
                false, false, "", ""));
        return wiring.users.register("reporter", TestNodePoint.PASSWORD, TestNodePoint.PASSWORD, "");
    }

    @Test
    void shorter_expiry_ends_older_sessions() {
        ManualClock clock = new ManualClock();
        try (Wiring wiring = new Wiring(folder, TestNodePoint.FAST_HASHING, clock)) {
            String token = wiring.sessions.start(registered(wiring));
            clock.advance(Duration.ofMinutes(90));
            assertThat(wiring.sessions.resolve(token)).isPresent();

            wiring.settings.update(Map.of(Settings.SESSION_EXPIRY, "1"));

            assertThat(wiring.sessions.resolve(token)).isEmpty();
        }
    }

    @Test
    void longer_expiry_applies_to_new_sessions() {
        ManualClock clock = new ManualClock();
        try (Wiring wiring = new Wiring(folder, TestNodePoint.FAST_HASHING, clock)) {
            User user = registered(wiring);
            wiring.settings.update(Map.of(Settings.SESSION_EXPIRY, "1"));
            String older = wiring.sessions.start(user);
            wiring.settings.update(Map.of(Settings.SESSION_EXPIRY, "3"));
            String newer = wiring.sessions.start(user);

            for (int step = 0; step < 5; step++) {
                clock.advance(Duration.ofMinutes(30));
                wiring.sessions.resolve(older);
                wiring.sessions.resolve(newer);
            }

            assertThat(wiring.sessions.resolve(older)).isEmpty();
            assertThat(wiring.sessions.resolve(newer)).isPresent();
        }
    }
}
