package io.flagtrail.domain.ledger;

import java.util.Objects;

/** A log's checkpoint as a witness holds it: with the witness's cosignature over it. */
public record CosignedCheckpoint(Checkpoint checkpoint, Cosignature cosignature) {

    public CosignedCheckpoint {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(cosignature, "cosignature");
    }
}
