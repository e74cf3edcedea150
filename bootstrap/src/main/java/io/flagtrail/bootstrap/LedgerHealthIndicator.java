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
 * DOWN when sealing lags more than {@code flagtrail.health.max-sealing-lag} (entries are written but not yet chained:
 * something is wrong with the sealer). The outbox only reports: a slow sink is not a reason to stop serving.
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
        healthStatus = status.sealingLagMillis() > maxSealingLag.toMillis() ? HealthStatus.DOWN : HealthStatus.UP;
        var details = new LinkedHashMap<String, Object>();
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
