package io.flagtrail.application.port.out;

import io.flagtrail.domain.ledger.PurgeRecord;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * Retention of the ledger: signed purge records, kept forever, and the one way entries ever leave the ledger —
 * deleting what a purge record covers and does not retain, a bounded batch at a time.
 */
public interface LedgerRetention {

    /** The purge record with the highest {@code purgedTo}: it supersedes every earlier one. */
    Optional<PurgeRecord> latestPurge();

    /** Newest first. */
    List<PurgeRecord> purges(int limit);

    /** The largest position P ≤ {@code upTo} such that every entry at or below P happened before {@code cutoff}. */
    long lastPositionBefore(Instant cutoff, long upTo);

    /** Sealed entries at or below {@code upTo} that an active legal hold keeps: hash by position. */
    NavigableMap<Long, String> held(long upTo);

    void addPurge(PurgeRecord record);

    /**
     * Deletes at most {@code limit} entries that {@code record} covers, does not retain, and no active legal hold keeps;
     * answers how many went. Joins the caller's transaction.
     */
    int purgeBatch(PurgeRecord record, int limit);
}
