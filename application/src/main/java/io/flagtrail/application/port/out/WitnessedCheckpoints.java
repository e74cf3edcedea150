package io.flagtrail.application.port.out;

import io.flagtrail.domain.ledger.CosignedCheckpoint;
import java.util.Optional;

/**
 * What this instance holds as a witness for other logs: per log (its origin), every checkpoint it took and the
 * cosignature it gave, append-only. Each one is kept as the extension of the size held before it, and only one
 * checkpoint can extend a size.
 */
public interface WitnessedCheckpoints {

    /** The greatest checkpoint held for the log; empty when it holds none. */
    Optional<CosignedCheckpoint> latest(String origin);

    /** Keeps it as what extends {@code oldSize}; false when another checkpoint extended that size first. */
    boolean add(String origin, long oldSize, CosignedCheckpoint witnessed);
}
