package io.flagtrail.bootstrap.system;

import io.flagtrail.application.port.out.BusinessMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Business counters in Micrometer (and so in /prometheus): {@code flagtrail.feature.changes{action}},
 * {@code flagtrail.logins{outcome}}, {@code flagtrail.evaluations{flag,reason}}.
 */
@Singleton
@Requires(property = "micronaut.metrics.enabled", notEquals = "false")
final class MicrometerBusinessMetrics implements BusinessMetrics {

    private final MeterRegistry meters;

    MicrometerBusinessMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void featureChanged(String action) {
        meters.counter("flagtrail.feature.changes", "action", action).increment();
    }

    @Override
    public void login(String outcome) {
        meters.counter("flagtrail.logins", "outcome", outcome).increment();
    }

    @Override
    public void evaluated(String flag, String reason) {
        meters.counter("flagtrail.evaluations", "flag", flag, "reason", reason).increment();
    }
}
