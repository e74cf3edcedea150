package io.flagtrail.application.fakes;

import io.flagtrail.application.port.out.LoginAttempts;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Failed-login counters in a map, with the same window rule as the database. */
public final class InMemoryLoginAttempts implements LoginAttempts, Rollbackable {

    private Map<String, Count> counts = new HashMap<>();

    @Override
    public synchronized Count count(String kind, String key) {
        return counts.getOrDefault(kind + ":" + key, Count.NONE);
    }

    @Override
    public synchronized Count recordFailure(String kind, String key, Instant now, Duration window) {
        var current = count(kind, key);
        var next = current.current(now, window) == 0 ? new Count(1, now, now)
                : new Count(current.failures() + 1, current.windowStart(), now);
        counts.put(kind + ":" + key, next);
        return next;
    }

    @Override
    public synchronized void reset(String kind, String key) {
        counts.remove(kind + ":" + key);
    }

    @Override
    public synchronized Object snapshot() {
        return new HashMap<>(counts);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        counts = (Map<String, Count>) snapshot;
    }
}
