package io.flagtrail.application.port.in;

import io.flagtrail.domain.ledger.Checkpoint;
import java.util.List;
import java.util.Map;

/** The state of the ledger: its size and head, how far sealing lags, its checkpoints and keys. */
public interface LedgerStatusUseCase {

    /** Sealing lag is the age of the oldest unsealed entry, 0 when all are sealed. */
    record LedgerStatus(long size, String headHash, long unsealed, long sealingLagMillis, Checkpoint latestCheckpoint) {
    }

    LedgerStatus status();

    List<Checkpoint> checkpoints(int limit, Long belowSize);

    Map<String, String> publicKeys();
}
