package io.flagtrail.application.fakes;

import io.flagtrail.application.port.out.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The wall clock at the database's precision (microseconds), but never the same instant twice: each reading is at
 * least a microsecond after the one before. Tests that need an instant strictly between two changes read it here
 * instead of sleeping until the real clock has moved on.
 */
public final class TickingClock implements Clock {

    private Instant last = Instant.EPOCH;

    @Override
    public synchronized Instant now() {
        var wall = Instant.now().truncatedTo(ChronoUnit.MICROS);
        last = wall.isAfter(last) ? wall : last.plus(1, ChronoUnit.MICROS);
        return last;
    }
}
