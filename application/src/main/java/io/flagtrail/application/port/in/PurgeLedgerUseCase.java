package io.flagtrail.application.port.in;

import io.flagtrail.domain.ledger.PurgeRecord;

/**
 * Applies the retention policy: signs a purge record for the entries that have outlived it (only below the latest
 * checkpoint, never those under a legal hold), then deletes what the record covers in bounded batches.
 */
public interface PurgeLedgerUseCase {

    /** What one run did: the record it worked under (null when retention is off or nothing was ever due). */
    record PurgeRun(PurgeRecord record, boolean newRecord, long deleted) {
    }

    PurgeRun purgeDue();
}
