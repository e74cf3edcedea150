package io.flagtrail.bootstrap;

import io.flagtrail.application.port.in.EvaluateFlagsUseCase;
import io.flagtrail.application.port.in.LedgerStatusUseCase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * The service's state as gauges, read when scraped and never on a request path: the ledger (sealing lag — age of
 * the oldest unsealed entry, as {@code /api/v1/audit/status} reports it —, the unsealed backlog and the size) and
 * the evaluation snapshot (flags served, and active features it could not load: alert when above 0).
 */
@Singleton
@Requires(beans = MeterRegistry.class)
@Requires(notEnv = CliMain.ENVIRONMENT)
final class StateGauges {

    private final LedgerStatusUseCase ledger;
    private final EvaluateFlagsUseCase flags;
    private final MeterRegistry meters;

    StateGauges(LedgerStatusUseCase ledger, EvaluateFlagsUseCase flags, MeterRegistry meters) {
        this.ledger = ledger;
        this.flags = flags;
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
        Gauge.builder("flagtrail.ledger.diverged", ledger, l -> l.divergence().isPresent() ? 1 : 0)
                .description("1 when the database disagrees with a checkpoint held outside it: alert on it")
                .register(meters);
        Gauge.builder("flagtrail.evaluation.flags", flags, EvaluateFlagsUseCase::size)
                .description("flags the evaluation snapshot serves").register(meters);
        Gauge.builder("flagtrail.evaluation.unreadable", flags, f -> f.unreadable().size())
                .description("active features the evaluation snapshot could not load").register(meters);
    }
}
