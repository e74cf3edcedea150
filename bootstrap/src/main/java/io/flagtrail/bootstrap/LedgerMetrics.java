package io.flagtrail.bootstrap;

import io.flagtrail.application.port.in.LedgerStatusUseCase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * The ledger as meters: sealing lag (age of the oldest unsealed entry, as {@code /api/v1/audit/status} reports it),
 * the unsealed backlog, and the ledger's size. Read when scraped, never on the write path.
 */
@Singleton
@Requires(beans = MeterRegistry.class)
@Requires(notEnv = CliMain.ENVIRONMENT)
final class LedgerMetrics {

    private final LedgerStatusUseCase ledger;
    private final MeterRegistry meters;

    LedgerMetrics(LedgerStatusUseCase ledger, MeterRegistry meters) {
        this.ledger = ledger;
        this.meters = meters;
    }

    @EventListener
    void register(StartupEvent started) {
        Gauge.builder("flagtrail.ledger.sealing.lag", ledger, l -> l.status().sealingLagMillis() / 1000.0)
                .description("age of the oldest unsealed audit entry").baseUnit("seconds").register(meters);
        Gauge.builder("flagtrail.ledger.unsealed", ledger, l -> l.status().unsealed())
                .description("audit entries waiting to be sealed").register(meters);
        Gauge.builder("flagtrail.ledger.size", ledger, l -> l.status().size())
                .description("sealed audit entries").register(meters);
    }
}
