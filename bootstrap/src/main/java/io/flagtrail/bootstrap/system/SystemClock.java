package io.flagtrail.bootstrap.system;

import io.flagtrail.application.port.out.Clock;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The machine's clock in UTC, truncated to microseconds: what PostgreSQL stores, so a reread equals what was written. */
@Singleton
final class SystemClock implements Clock {

    @Override
    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
