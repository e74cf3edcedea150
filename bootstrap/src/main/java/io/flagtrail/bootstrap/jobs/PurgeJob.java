package io.flagtrail.bootstrap.jobs;

import io.flagtrail.application.port.in.PurgeLedgerUseCase;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the retention policy every {@code flagtrail.ledger.purge-interval} (an hour by default) when
 * {@code flagtrail.ledger.retention} is set. Every instance runs it; the sealer's database lock lets one sign a
 * purge record at a time, and deleting what a record covers is safe to repeat.
 */
@Singleton
@Requires(property = "flagtrail.ledger.retention")
@Requires(property = "flagtrail.ledger.purge.enabled", notEquals = "false")
final class PurgeJob {

    private static final Logger LOG = LoggerFactory.getLogger(PurgeJob.class);
    private final PurgeLedgerUseCase purge;

    PurgeJob(PurgeLedgerUseCase purge) {
        this.purge = purge;
    }

    @Scheduled(fixedDelay = "${flagtrail.ledger.purge-interval:1h}", initialDelay = "${flagtrail.ledger.purge-interval:1h}")
    void purge() {
        try {
            purge.purgeDue();
        } catch (RuntimeException e) {
            LOG.warn("retention purge failed; the next run retries: {}", e.toString());
        }
    }
}
