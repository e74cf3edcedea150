package io.flagtrail.domain.error;

import java.time.Duration;

/** Too many attempts from one place in a short time: try again after {@code retryAfter}. */
public final class TooManyAttempts extends TryLater {

    public TooManyAttempts(String code, String message, Duration retryAfter) {
        super(code, message, retryAfter);
    }
}
