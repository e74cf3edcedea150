package io.flagtrail.application.fakes;

import io.flagtrail.application.port.out.Clock;
import java.time.Duration;
import java.time.Instant;

/** A clock that moves only when told to. */
public final class FixedClock implements Clock {

    private Instant now;

    public FixedClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    public synchronized void advance(Duration by) {
        now = now.plus(by);
    }
}
