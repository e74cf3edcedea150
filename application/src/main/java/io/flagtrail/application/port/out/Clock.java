package io.flagtrail.application.port.out;

import java.time.Instant;

/** The current instant, in UTC; a port so that tests can fix time. */
public interface Clock {

    Instant now();
}
