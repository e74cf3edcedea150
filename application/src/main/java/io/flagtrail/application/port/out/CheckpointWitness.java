package io.flagtrail.application.port.out;

import io.flagtrail.domain.ledger.Checkpoint;
import java.util.List;
import java.util.Optional;

/**
 * Someone outside the database who keeps the checkpoints the service signs, so that whoever owns the database cannot
 * rewrite what was witnessed: the ledger is append-only exactly as far as a witness holds an earlier checkpoint
 * (RFC 9162 §8.1, C2SP tlog-witness). A witness only ever grows: it refuses a checkpoint that is not newer than the
 * newest it holds, and never forgets one.
 */
public interface CheckpointWitness {

    /** Thrown when the witness cannot be asked or told (down, unreadable, full): the caller retries later. */
    final class Unreachable extends RuntimeException {
        public Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Thrown when the witness refuses a checkpoint: not newer than what it holds, or conflicting with it. */
    final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /**
     * The rule every witness that holds its checkpoints itself keeps before it adds one: true when {@code offered} is
     * the one it holds already (another instance published it first); refused when it is not greater.
     */
    static boolean holdsAlready(Optional<Checkpoint> held, Checkpoint offered) {
        if (held.isEmpty()) {
            return false;
        }
        if (held.get().equals(offered)) {
            return true;
        }
        if (offered.size() <= held.get().size()) {
            throw new Refused("the witness holds a checkpoint of size " + held.get().size()
                    + "; it only takes a greater one, not " + offered.size());
        }
        return false;
    }

    /** A short name for logs, health and audit entries, such as {@code file:/var/lib/flagtrail/witness}. */
    String name();

    /** The newest checkpoint the witness holds; empty when it holds none yet. */
    Optional<Checkpoint> latest();

    /**
     * The consistency proof (hex hashes, RFC 9162 §2.1.4) that the ledger's tree of {@code to} entries extends its tree
     * of {@code from}: what a witness that checks before it countersigns (C2SP tlog-witness) is handed.
     */
    @FunctionalInterface
    interface Consistency {

        /** For a caller that has no ledger to prove from (tests, tools): a witness that asks is refused. */
        Consistency NONE = (from, to) -> {
            throw new Refused("no consistency proof is available to offer the witness");
        };

        List<String> between(long from, long to);
    }

    /**
     * Keeps a checkpoint of a greater size than every one it holds, durably, before returning; a witness that checks
     * consistency asks {@code consistency} for the proof from the size it holds.
     */
    void publish(Checkpoint checkpoint, Consistency consistency);

    /** {@link #publish(Checkpoint, Consistency)} with no proof to offer. */
    default void publish(Checkpoint checkpoint) {
        publish(checkpoint, Consistency.NONE);
    }
}
