package io.flagtrail.application.fakes;

import io.flagtrail.application.port.out.LedgerRetention;
import io.flagtrail.domain.ledger.PurgeRecord;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Purge records only: for the services that read them (verification, evidence, status). Nothing is ever due for
 * purging here; the purge itself is tested on the real databases (RetentionTest in the persistence adapter).
 */
public final class InMemoryPurgeRecords implements LedgerRetention {

    private final TreeMap<Long, PurgeRecord> records = new TreeMap<>();

    @Override
    public synchronized Optional<PurgeRecord> latestPurge() {
        return Optional.ofNullable(records.lastEntry()).map(e -> e.getValue());
    }

    @Override
    public synchronized List<PurgeRecord> purges(int limit) {
        return records.values().stream().sorted(Comparator.comparingLong(PurgeRecord::purgedTo).reversed())
                .limit(limit).toList();
    }

    @Override
    public long lastPositionBefore(Instant cutoff, long upTo) {
        return 0;
    }

    @Override
    public NavigableMap<Long, String> held(long upTo) {
        return new TreeMap<>();
    }

    @Override
    public synchronized void addPurge(PurgeRecord record) {
        records.put(record.purgedTo(), record);
    }

    @Override
    public int purgeBatch(PurgeRecord record, int limit) {
        throw new UnsupportedOperationException("deleting entries is tested on the real databases");
    }
}
