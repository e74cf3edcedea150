package io.flagtrail.bootstrap.jobs;

import io.flagtrail.application.port.in.LedgerStatusUseCase;
import io.flagtrail.bootstrap.CliMain;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log alarm for a stalled sealer: one ERROR line when the sealing lag (age of the oldest unsealed entry) passes
 * {@code flagtrail.health.max-sealing-lag} (30 s), one INFO line when it is back under, checked every
 * {@code flagtrail.health.sealing-check-interval} (5 s). Not a readiness failure: see {@link LedgerHealthIndicator}.
 */
@Singleton
@Requires(notEnv = CliMain.ENVIRONMENT)
public final class SealingLagAlarm {

    private static final Logger LOG = LoggerFactory.getLogger(SealingLagAlarm.class);
    private final LedgerStatusUseCase ledger;
    private final Duration maxLag;
    private volatile boolean lagging;

    SealingLagAlarm(LedgerStatusUseCase ledger, @Value("${flagtrail.health.max-sealing-lag:30s}") Duration maxLag) {
        this.ledger = ledger;
        this.maxLag = maxLag;
    }

    @Scheduled(fixedDelay = "${flagtrail.health.sealing-check-interval:5s}", initialDelay = "10s")
    public void check() {
        long lag;
        try {
            lag = ledger.status().sealingLagMillis();
        } catch (RuntimeException databaseDown) {
            return; // the database check reports that; the lag is unknown until it is back
        }
        if (lag > maxLag.toMillis() && !lagging) {
            lagging = true;
            LOG.error("ALARM sealing lags {} ms behind (limit {} ms): audit entries are written but not yet chained; "
                    + "check the sealer's log lines and the database", lag, maxLag.toMillis());
        } else if (lag <= maxLag.toMillis() && lagging) {
            lagging = false;
            LOG.info("sealing caught up: lag {} ms", lag);
        }
    }

    public boolean lagging() {
        return lagging;
    }
}
