package io.flagtrail.bootstrap.system;

import io.flagtrail.application.port.out.BusinessMetrics;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Business counters where metrics are switched off ({@code micronaut.metrics.enabled=false}): the CLI, a process
 * that exits long before anything could scrape a counter, and that starts faster without Micrometer. The audit
 * trail, not a counter, is the record of what a command did.
 */
@Singleton
@Requires(property = "micronaut.metrics.enabled", value = "false")
final class UncountedBusinessMetrics implements BusinessMetrics {

    @Override
    public void featureChanged(String action) {
        // not counted: see the class comment
    }

    @Override
    public void login(String outcome) {
        // not counted
    }

    @Override
    public void evaluated(String flag, String reason) {
        // not counted
    }
}
