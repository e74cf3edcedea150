package io.flagtrail.adapter.web.http;

import java.time.Duration;

/**
 * A token bucket: {@code capacity} requests at once, refilled at {@code perSecond}. Answers how long to wait when
 * empty so the caller can say so in Retry-After. Synchronised: one bucket per credential, so contention is only
 * between requests of the same caller.
 */
public final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long refilledAt;

    public TokenBucket(int perSecond, int capacity, long now) {
        this.capacity = capacity;
        this.perNano = perSecond / 1e9;
        this.tokens = capacity;
        this.refilledAt = now;
    }

    /** Takes one token at {@code now} (nanoseconds), or returns how long until one is there. */
    public synchronized Duration take(long now) {
        tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
    }
}
