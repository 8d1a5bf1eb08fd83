package org.nodepoint.attack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock plus an offset that the test moves forward. */
final class SteppingClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    void advance(Duration step) {
        offset = offset.plus(step);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("SteppingClock has the UTC zone only, not " + zone);
    }
}
