package io.flagtrail.application.service.audit;

import java.time.Duration;

/** How the sealer works: entries per round, and when a checkpoint is due (every N entries or T time). */
public record LedgerSettings(int sealBatch, long checkpointEveryEntries, Duration checkpointEvery) {

    public LedgerSettings {
        if (sealBatch < 1 || checkpointEveryEntries < 1 || checkpointEvery.isNegative() || checkpointEvery.isZero()) {
            throw new IllegalArgumentException("seal batch, checkpoint entries and checkpoint interval must be positive");
        }
    }
}
