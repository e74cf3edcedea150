package io.flagtrail.application.port.in;

import io.flagtrail.domain.ledger.Checkpoint;
import io.flagtrail.domain.ledger.CosignedCheckpoint;
import java.util.List;

/**
 * This instance as a witness for other logs (docs/witness.md): it takes a log's checkpoint only when a key it was
 * given for that log signed it and a consistency proof shows it extends what it held, keeps it, and countersigns it.
 */
public interface CosignCheckpointUseCase {

    /**
     * Takes {@code checkpoint} of the log {@code origin}, proven by {@code consistency} (hex, RFC 9162 §2.1.4) to
     * extend the checkpoint of {@code oldSize} the witness holds (0: none yet), and answers it with its cosignature.
     */
    CosignedCheckpoint add(String origin, long oldSize, List<String> consistency, Checkpoint checkpoint);

    /** The newest checkpoint held for the log, with its cosignature; NotFound when there is none or no such log. */
    CosignedCheckpoint latest(String origin);
}
