package io.flagtrail.application.fakes;

import io.flagtrail.application.port.out.Checkpoints;
import io.flagtrail.domain.ledger.Checkpoint;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Checkpoints by size. */
public final class InMemoryCheckpoints implements Checkpoints {

    private final TreeMap<Long, Checkpoint> bySize = new TreeMap<>();

    @Override
    public synchronized Optional<Checkpoint> latest() {
        return Optional.ofNullable(bySize.lastEntry()).map(e -> e.getValue());
    }

    @Override
    public synchronized void add(Checkpoint checkpoint) {
        bySize.put(checkpoint.size(), checkpoint);
    }

    @Override
    public synchronized List<Checkpoint> list(int limit, Long belowSize) {
        return bySize.values().stream().filter(c -> belowSize == null || c.size() < belowSize)
                .sorted(Comparator.comparingLong(Checkpoint::size).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized List<Checkpoint> within(long from, long to) {
        return List.copyOf(bySize.subMap(from, true, to, true).values());
    }

    /** Removes a checkpoint, as a database owner could. */
    public synchronized void remove(long size) {
        bySize.remove(size);
    }

    /** Replaces a checkpoint, as a database owner could. */
    public synchronized void replace(Checkpoint checkpoint) {
        bySize.put(checkpoint.size(), checkpoint);
    }
}
