package io.flagtrail.domain.error;

import java.time.Duration;

/** Refusals that pass: nothing was changed, and the same request may succeed after {@code retryAfter}. */
public abstract sealed class TryLater extends DomainException permits TooManyAttempts, Unavailable {

    private final Duration retryAfter;

    TryLater(String code, String message, Duration retryAfter) {
        super(code, message);
        this.retryAfter = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
