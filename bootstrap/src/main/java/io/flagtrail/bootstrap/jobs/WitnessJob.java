package io.flagtrail.bootstrap.jobs;

import io.flagtrail.application.port.in.WitnessLedgerUseCase;
import io.flagtrail.bootstrap.CliMain;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares the database with the witnesses and hands them the newest checkpoint, at start and every
 * {@code flagtrail.ledger.witness.interval} (5 s). A witness that is down is retried the next round; nothing waits.
 */
@Singleton
@Requires(notEnv = CliMain.ENVIRONMENT)
final class WitnessJob {

    private static final Logger LOG = LoggerFactory.getLogger(WitnessJob.class);
    private final WitnessLedgerUseCase witnesses;

    WitnessJob(WitnessLedgerUseCase witnesses) {
        this.witnesses = witnesses;
    }

    @EventListener
    void atStart(StartupEvent started) {
        round();
    }

    @Scheduled(fixedDelay = "${flagtrail.ledger.witness.interval:5s}", initialDelay = "${flagtrail.ledger.witness.interval:5s}")
    void round() {
        try {
            witnesses.synchronize();
        } catch (RuntimeException e) {
            LOG.warn("witness round failed; the next one retries: {}", e.toString());
        }
    }
}
