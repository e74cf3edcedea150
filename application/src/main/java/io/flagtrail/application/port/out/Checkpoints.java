package io.flagtrail.application.port.out;

import io.flagtrail.domain.ledger.Checkpoint;
import java.util.List;
import java.util.Optional;

/** Signed checkpoints of the ledger, kept forever. */
public interface Checkpoints {

    Optional<Checkpoint> latest();

    void add(Checkpoint checkpoint);

    /** Newest first, those with a size below {@code belowSize} when given. */
    List<Checkpoint> list(int limit, Long belowSize);

    /** Those whose size lies in {@code from..to}. */
    List<Checkpoint> within(long from, long to);
}
