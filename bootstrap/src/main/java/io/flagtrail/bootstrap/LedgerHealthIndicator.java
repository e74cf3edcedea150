package io.flagtrail.bootstrap;

import io.flagtrail.application.port.in.LedgerStatusUseCase;
import io.flagtrail.application.port.in.ManageEventDispatchUseCase;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ledger and the outbox in {@code /health}: sealing lag and backlog, outbox lag and whether dispatch is paused.
 * Always UP: readiness means "can serve", and a stalled sealer stops neither writes (their entries wait, unsealed, in
 * the same transactions) nor evaluations, so load balancers must keep sending traffic. A lag beyond
 * {@code flagtrail.health.max-sealing-lag} shows as {@code "sealing": "LAGGING"} here, in the
 * {@code flagtrail.ledger.sealing.lag} gauge, and as a log alarm ({@link io.flagtrail.bootstrap.jobs.SealingLagAlarm}). The outbox only reports.
 */
@Singleton
@Requires(notEnv = CliMain.ENVIRONMENT)
final class LedgerHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final LedgerStatusUseCase ledger;
    private final ManageEventDispatchUseCase events;
    private final Duration maxSealingLag;

    LedgerHealthIndicator(LedgerStatusUseCase ledger, ManageEventDispatchUseCase events,
                          @Value("${flagtrail.health.max-sealing-lag:30s}") Duration maxSealingLag) {
        this.ledger = ledger;
        this.events = events;
        this.maxSealingLag = maxSealingLag;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        var status = ledger.status();
        var dispatch = events.status();
        healthStatus = HealthStatus.UP;
        var details = new LinkedHashMap<String, Object>();
        details.put("sealing", status.sealingLagMillis() > maxSealingLag.toMillis() ? "LAGGING" : "OK");
        details.put("size", status.size());
        details.put("unsealed", status.unsealed());
        details.put("sealingLagMillis", status.sealingLagMillis());
        details.put("latestCheckpoint", status.latestCheckpoint() == null ? null : status.latestCheckpoint().size());
        details.put("outboxLagMillis", dispatch.lagMillis());
        details.put("eventDispatchPaused", dispatch.paused());
        return details;
    }

    @Override
    protected String getName() {
        return "ledger";
    }
}
