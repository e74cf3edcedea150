package io.flagtrail.bootstrap.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code flagtrail.events.*}: recording and delivering events (docs/events.md). {@code EVENTS_ENABLED=false} stops
 * recording events (the outbox publisher reads the same setting).
 */
@ConfigurationProperties("flagtrail.events")
record EventsProperties(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "100") int batch,
        @Bindable(defaultValue = "10") int maxAttempts,
        @Bindable(defaultValue = "1s") Duration retryBase,
        @Bindable(defaultValue = "5m") Duration retryMax,
        @Bindable(defaultValue = "1h") Duration keep,
        @Bindable(defaultValue = "30") int retentionDays) {
}
