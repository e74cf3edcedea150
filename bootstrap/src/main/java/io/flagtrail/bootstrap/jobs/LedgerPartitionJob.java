package io.flagtrail.bootstrap.jobs;

import io.flagtrail.application.port.in.LedgerPartitionsUseCase;
import io.flagtrail.bootstrap.CliMain;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a partition span of room past the ledger's head (PostgreSQL, ADR 0011), soon after start and every
 * {@code flagtrail.ledger.partition-check-interval} (10 minutes). At the default span (10,000,000 positions) that is
 * days of room at any write rate this service sustains, so a run that fails (logged) is retried long before sealing
 * could run out; should it, entries wait unsealed and {@code /health} says {@code "partitions": "LOW"} first. Every
 * instance runs it; the database lets one add at a time, and adding is idempotent.
 */
@Singleton
@Requires(notEnv = CliMain.ENVIRONMENT)
final class LedgerPartitionJob {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerPartitionJob.class);
    private final LedgerPartitionsUseCase partitions;

    LedgerPartitionJob(LedgerPartitionsUseCase partitions) {
        this.partitions = partitions;
    }

    @Scheduled(fixedDelay = "${flagtrail.ledger.partition-check-interval:10m}", initialDelay = "3s")
    void makeRoom() {
        try {
            for (var added : partitions.makeRoom()) {
                LOG.info("ledger partition added for positions {} to {}", added.from(), added.to() - 1);
            }
        } catch (RuntimeException e) {
            LOG.warn("ledger partitions could not be added; the next run retries: {}", e.toString());
        }
    }
}
