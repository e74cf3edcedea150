package io.flagtrail.application.port.in;

import io.flagtrail.domain.ledger.Checkpoint;

/** Seals the entries written since the last round into the hash chain, and signs a checkpoint when one is due. */
public interface SealLedgerUseCase {

    /** What one round did. */
    record SealRound(boolean leader, int sealed, long size, Checkpoint checkpoint) {
    }

    SealRound sealPending();
}
