package io.flagtrail.domain.ledger;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What the checkpoints inside a verified range must agree with, for {@link ChainVerifier}: the head hash at their
 * size and their signature; and for version 2 the Merkle root over every entry so far (when the entries were fed
 * from position 1 with nothing purged, so that the tree can be rebuilt in constant memory as they stream by) and
 * the statement hash of the checkpoint before them, where that one is in the range too.
 */
final class CheckpointCheck {

    private final NavigableMap<Long, Checkpoint> checkpoints = new TreeMap<>();
    private final KeyRing keys;
    private final MerkleFrontier tree;

    CheckpointCheck(Iterable<Checkpoint> checkpoints, Map<String, String> publicKeys, boolean fromTheStart) {
        checkpoints.forEach(c -> this.checkpoints.put(c.size(), c));
        this.keys = new KeyRing(publicKeys);
        this.tree = fromTheStart ? new MerkleFrontier() : null;
    }

    NavigableMap<Long, Checkpoint> checkpoints() {
        return checkpoints;
    }

    KeyRing keys() {
        return keys;
    }

    /** Takes the next verified entry; answers why the checkpoint at its position does not hold, or null. */
    KeyRing.Refusal entry(long position, String storedHash) {
        if (tree != null) {
            tree.appendEntry(storedHash);
        }
        var checkpoint = checkpoints.get(position);
        if (checkpoint == null) {
            return null;
        }
        if (!checkpoint.headHash().equals(storedHash)) {
            return new KeyRing.Refusal(VerificationFailure.CHECKPOINT_MISMATCH,
                    "checkpoint " + checkpoint.size() + " has head hash " + checkpoint.headHash());
        }
        if (checkpoint.rootHash() != null && tree != null && !tree.root().equals(checkpoint.rootHash())) {
            return new KeyRing.Refusal(VerificationFailure.ROOT_MISMATCH, "checkpoint " + checkpoint.size()
                    + " has Merkle root " + checkpoint.rootHash() + " but the entries give " + tree.root());
        }
        var before = checkpoints.lowerEntry(position);
        if (checkpoint.previous() != null && before != null
                && !checkpoint.previous().equals(before.getValue().statementHash())) {
            return new KeyRing.Refusal(VerificationFailure.CHECKPOINT_CHAIN, "checkpoint " + checkpoint.size()
                    + " does not follow checkpoint " + before.getKey() + ": one between them was removed or replaced");
        }
        return keys.refuses(checkpoint);
    }
}
