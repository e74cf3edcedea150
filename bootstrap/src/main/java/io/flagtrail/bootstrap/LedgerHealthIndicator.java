package io.flagtrail.bootstrap;

import io.flagtrail.application.port.in.LedgerPartitionsUseCase;
import io.flagtrail.application.port.in.LedgerStatusUseCase;
import io.flagtrail.application.port.in.ManageEventDispatchUseCase;
import io.flagtrail.application.port.in.WitnessLedgerUseCase;
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
 * A database that disagrees with what the witnesses hold shows as {@code "integrity": "DIVERGED"} with the position
 * (and in the {@code flagtrail.ledger.diverged} gauge); the service keeps serving, but seals and signs nothing more.
 * Where sealed entries are partitioned (PostgreSQL), {@code "partitions": "LOW"} says the room made ahead of the head
 * is under half a partition's span: the partition job is failing (its log line says why).
 */
@Singleton
@Requires(notEnv = CliMain.ENVIRONMENT)
final class LedgerHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final LedgerStatusUseCase ledger;
    private final ManageEventDispatchUseCase events;
    private final WitnessLedgerUseCase witnesses;
    private final LedgerPartitionsUseCase partitions;
    private final Duration maxSealingLag;

    LedgerHealthIndicator(LedgerStatusUseCase ledger, ManageEventDispatchUseCase events,
                          WitnessLedgerUseCase witnesses, LedgerPartitionsUseCase partitions,
                          @Value("${flagtrail.health.max-sealing-lag:30s}") Duration maxSealingLag) {
        this.ledger = ledger;
        this.events = events;
        this.witnesses = witnesses;
        this.partitions = partitions;
        this.maxSealingLag = maxSealingLag;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        var status = ledger.status();
        var dispatch = events.status();
        healthStatus = HealthStatus.UP;
        var details = new LinkedHashMap<String, Object>();
        details.put("sealing", status.sealingLagMillis() > maxSealingLag.toMillis() ? "LAGGING" : "OK");
        details.put("integrity", status.divergence() == null ? "OK" : "DIVERGED");
        if (status.divergence() != null) {
            details.put("divergence", Map.of("position", status.divergence().position(),
                    "detail", status.divergence().detail()));
        }
        details.put("witnesses", witnesses.statuses().stream().map(LedgerHealthIndicator::witness).toList());
        details.put("size", status.size());
        details.put("unsealed", status.unsealed());
        details.put("sealingLagMillis", status.sealingLagMillis());
        details.put("latestCheckpoint", status.latestCheckpoint() == null ? null : status.latestCheckpoint().size());
        var layout = partitions.layout();
        if (layout.partitioned()) {
            details.put("partitions", layout.low() ? "LOW" : "OK");
            details.put("partitionRoom", layout.room());
        }
        details.put("outboxLagMillis", dispatch.lagMillis());
        details.put("eventDispatchPaused", dispatch.paused());
        return details;
    }

    private static Map<String, Object> witness(WitnessLedgerUseCase.WitnessStatus w) {
        var view = new LinkedHashMap<String, Object>();
        view.put("name", w.name());
        view.put("reachable", w.reachable());
        view.put("witnessedSize", w.witnessedSize());
        view.put("behind", w.behind());
        if (w.error() != null) {
            view.put("error", w.error());
        }
        return view;
    }

    @Override
    protected String getName() {
        return "ledger";
    }
}
