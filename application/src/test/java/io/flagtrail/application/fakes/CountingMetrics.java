package io.flagtrail.application.fakes;

import io.flagtrail.application.port.out.BusinessMetrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counts what the services report, by name and tag. */
public final class CountingMetrics implements BusinessMetrics {

    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    @Override
    public void featureChanged(String action) {
        counts.merge("feature:" + action, 1, Integer::sum);
    }

    @Override
    public void login(String outcome) {
        counts.merge("login:" + outcome, 1, Integer::sum);
    }

    @Override
    public void evaluated(String flag, String reason) {
        counts.merge("evaluation:" + flag + ":" + reason, 1, Integer::sum);
    }

    public int count(String key) {
        return counts.getOrDefault(key, 0);
    }
}
