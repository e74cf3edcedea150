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
    /** Checkpoints the reviewer brought (an earlier bundle's, a witness's): the entries must extend each of them. */
    private final NavigableMap<Long, Checkpoint> trusted = new TreeMap<>();
    private final KeyRing keys;
    private final MerkleFrontier tree;
    /** The smallest checkpoint size, listed or trusted, not below the last entry's position. */
    private long nextListed = Long.MIN_VALUE;

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

    /** Adds a checkpoint held outside the bundle; answers why it cannot be checked against this range, or null. */
    KeyRing.Refusal trust(Checkpoint checkpoint) {
        var listed = checkpoints.get(checkpoint.size());
        if (listed != null && !listed.equals(checkpoint)) {
            return new KeyRing.Refusal(VerificationFailure.DIVERGED, "the checkpoint of size " + checkpoint.size()
                    + " here is not the trusted one: this is not an extension of what was trusted");
        }
        trusted.put(checkpoint.size(), checkpoint);
        return null;
    }

    /** Once the range has been fed up to {@code reached}: why a checkpoint beyond its end does not hold, or null. */
    KeyRing.Refusal end(long reached) {
        var trustedBeyond = trusted.keySet().stream().filter(size -> size > reached).findFirst();
        if (trustedBeyond.isPresent()) {
            return new KeyRing.Refusal(VerificationFailure.DIVERGED, "a trusted checkpoint has " + trustedBeyond.get()
                    + " entries, but this ends at " + reached + ": it is older than what was trusted, or cut short");
        }
        var beyond = checkpoints.ceilingEntry(reached + 1);
        return beyond == null ? null : new KeyRing.Refusal(VerificationFailure.GAP, "checkpoint " + beyond.getKey()
                + " says the ledger had " + beyond.getKey() + " entries, but it ends at " + reached);
    }

    /** Takes the next verified entry; answers why the checkpoint at its position does not hold, or null. */
    KeyRing.Refusal entry(long position, String storedHash) {
        if (tree != null) {
            tree.addEntry(storedHash);
        }
        if (position > nextListed) {
            nextListed = next(checkpoints, position, next(trusted, position, Long.MAX_VALUE));
        }
        if (position != nextListed) {
            return null; // nearly every entry: no checkpoint, listed or trusted, has its size
        }
        var held = trusted.get(position);
        if (held != null) {
            var refused = trusted(held, storedHash);
            if (refused != null) {
                return refused;
            }
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

    /** The smallest size in {@code sizes} from {@code position} on, if below {@code bound}; else {@code bound}. */
    private static long next(NavigableMap<Long, Checkpoint> sizes, long position, long bound) {
        Long size = sizes.ceilingKey(position);
        return size == null ? bound : Math.min(size, bound);
    }

    private KeyRing.Refusal trusted(Checkpoint held, String storedHash) {
        if (!held.headHash().equals(storedHash)) {
            return new KeyRing.Refusal(VerificationFailure.DIVERGED, "the entry at " + held.size() + " hashes to "
                    + storedHash + ", not to the head " + held.headHash() + " the trusted checkpoint signed: the ledger "
                    + "was rewritten at or before " + held.size());
        }
        if (held.rootHash() != null && tree != null && !tree.root().equals(held.rootHash())) {
            return new KeyRing.Refusal(VerificationFailure.DIVERGED, "the entries up to " + held.size()
                    + " give another Merkle root than the trusted checkpoint signed");
        }
        var unsigned = keys.refuses(held);
        return unsigned == null ? null : new KeyRing.Refusal(VerificationFailure.DIVERGED, "the trusted checkpoint of "
                + "size " + held.size() + " does not verify under the keys here (" + unsigned.detail()
                + "): the signing keys were swapped");
    }
}
