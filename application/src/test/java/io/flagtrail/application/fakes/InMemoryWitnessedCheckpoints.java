package io.flagtrail.application.fakes;

import io.flagtrail.application.port.out.WitnessedCheckpoints;
import io.flagtrail.domain.ledger.CosignedCheckpoint;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Per origin, what a witness took, by size; one checkpoint per size extended, as the table's unique key has it. */
public final class InMemoryWitnessedCheckpoints implements WitnessedCheckpoints {

    private final Map<String, TreeMap<Long, CosignedCheckpoint>> bySize = new HashMap<>();
    private final Map<String, java.util.Set<Long>> extended = new HashMap<>();

    @Override
    public synchronized Optional<CosignedCheckpoint> latest(String origin) {
        var held = bySize.get(origin);
        return held == null || held.isEmpty() ? Optional.empty() : Optional.of(held.lastEntry().getValue());
    }

    @Override
    public synchronized boolean add(String origin, long oldSize, CosignedCheckpoint witnessed) {
        var sizes = bySize.computeIfAbsent(origin, o -> new TreeMap<>());
        if (sizes.containsKey(witnessed.checkpoint().size())
                || !extended.computeIfAbsent(origin, o -> new java.util.HashSet<>()).add(oldSize)) {
            return false;
        }
        sizes.put(witnessed.checkpoint().size(), witnessed);
        return true;
    }
}
