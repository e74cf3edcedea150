package io.flagtrail.bootstrap.jobs;

import io.flagtrail.application.port.in.SealLedgerUseCase;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the sealer every {@code flagtrail.ledger.seal-interval} (50 ms by default), round after round while there
 * is a backlog. Every instance runs it; the database lock lets one seal at a time.
 */
@Singleton
@Requires(property = "flagtrail.ledger.sealer.enabled", notEquals = "false")
final class SealerJob {

    private static final Logger LOG = LoggerFactory.getLogger(SealerJob.class);
    /** A round that sealed this many means a backlog: seal again at once instead of waiting the interval. */
    private static final int BACKLOG_ROUND = 500;
    private final SealLedgerUseCase sealer;

    SealerJob(SealLedgerUseCase sealer) {
        this.sealer = sealer;
    }

    @Scheduled(fixedDelay = "${flagtrail.ledger.seal-interval:50ms}", initialDelay = "1s")
    void seal() {
        try {
            SealLedgerUseCase.SealRound round;
            do {
                round = sealer.sealPending();
            } while (round.leader() && round.sealed() >= BACKLOG_ROUND);
        } catch (RuntimeException e) {
            LOG.warn("sealing round failed; the next one retries: {}", e.toString());
        }
    }
}
