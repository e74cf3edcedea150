package io.flagtrail.domain.error;

import java.time.Duration;

/** Too many attempts from one place in a short time: try again after {@code retryAfter}. */
public final class TooManyAttempts extends DomainException {

    private final Duration retryAfter;

    public TooManyAttempts(String code, String message, Duration retryAfter) {
        super(code, message);
        this.retryAfter = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
