package io.flagtrail.application.port.in;

import java.time.Instant;
import java.util.List;

/** Hands the ledger's checkpoints to the witnesses outside the database and compares the database with them. */
public interface WitnessLedgerUseCase {

    /**
     * One witness as last seen: whether it answered, the size of the newest checkpoint it holds, how many entries
     * the newest signed checkpoint is ahead of it, and the last error when it did not answer or refused.
     */
    record WitnessStatus(String name, boolean reachable, long witnessedSize, long behind, Instant checkedAt,
                         String error) {
    }

    /** One round: asks every witness, checks the database against what they hold, hands each what it lacks. */
    List<WitnessStatus> synchronize();

    /** What the last round saw, without asking anyone. */
    List<WitnessStatus> statuses();
}
