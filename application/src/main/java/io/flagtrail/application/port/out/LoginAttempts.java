package io.flagtrail.application.port.out;

import java.time.Duration;
import java.time.Instant;

/**
 * Failed-login counters, kept in the database so that they hold across restarts and instances. A counter counts the
 * failures since its window began; a failure after the window has passed starts a new window at one.
 */
public interface LoginAttempts {

    /**
     * A counter: failures in the window that began at {@code windowStart}, the last at {@code lastFailureAt}
     * ({@code null} and 0 when none).
     */
    record Count(int failures, Instant windowStart, Instant lastFailureAt) {

        public static final Count NONE = new Count(0, null, null);

        /** The failures that still count at {@code now}. */
        public int current(Instant now, Duration window) {
            return windowStart == null || !now.isBefore(windowStart.plus(window)) ? 0 : failures;
        }
    }

    Count count(String kind, String key);

    /** Adds one failure atomically (exact under any concurrency) and answers the counter after it. */
    Count recordFailure(String kind, String key, Instant now, Duration window);

    void reset(String kind, String key);
}
