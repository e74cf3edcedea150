package io.flagtrail.application.port.in;

import io.flagtrail.domain.ledger.Checkpoint;
import io.flagtrail.domain.ledger.LedgerDivergence;
import io.flagtrail.domain.ledger.PurgeRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The state of the ledger: its size and head, how far sealing lags, its checkpoints, keys and purges. */
public interface LedgerStatusUseCase {

    /** Sealing lag is the age of the oldest unsealed entry, 0 when all are sealed. */
    /** {@code divergence} is null unless the database disagrees with a checkpoint held outside it (ADR 0008). */
    record LedgerStatus(long size, String headHash, long unsealed, long sealingLagMillis, Checkpoint latestCheckpoint,
                        long purgedTo, LedgerDivergence divergence) {
    }

    LedgerStatus status();

    /** Whether the database disagrees with a checkpoint held outside it, as far as this process has seen: no I/O. */
    Optional<LedgerDivergence> divergence();

    List<Checkpoint> checkpoints(int limit, Long belowSize);

    Map<String, String> publicKeys();

    /** Signed purge records, newest first. */
    List<PurgeRecord> purges(int limit);
}
