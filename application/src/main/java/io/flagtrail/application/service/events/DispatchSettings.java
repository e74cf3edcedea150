package io.flagtrail.application.service.events;

import java.time.Duration;

/**
 * How events are recorded and delivered: whether changes record events at all, events per delivery round, attempts
 * before a dead letter, the retry backoff (doubling from {@code retryBase} up to {@code retryMax}), and how long
 * delivered events stay in the outbox.
 */
public record DispatchSettings(boolean recording, int batch, int maxAttempts, Duration retryBase, Duration retryMax,
                               Duration keep) {

    public DispatchSettings {
        if (batch < 1 || maxAttempts < 1 || !retryBase.isPositive() || retryMax.compareTo(retryBase) < 0
                || keep.isNegative()) {
            throw new IllegalArgumentException("batch and attempts must be positive, the backoff positive and growing");
        }
    }

    /** The wait before attempt {@code attempts + 1}, after {@code attempts} failed ones. */
    public Duration backoff(int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 30);
        var wait = retryBase.multipliedBy(factor);
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }
}
