package io.flagtrail.domain.ledger;

import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.error.PermissionDenied;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What a witness checks before it takes a log's checkpoint (C2SP tlog-witness, {@code add-checkpoint}): that a key
 * it was given for the log signed it; that the submitter knows what the witness holds ({@code oldSize}, so that two
 * submitters cannot race past each other); and that the consistency proof shows the new tree extends the held one.
 * A witness never takes a checkpoint of the same size with another tree, nor a smaller one: that is a fork or a
 * rollback, exactly what a witness is for.
 */
public final class WitnessRule {

    /** What the witness does with an offered checkpoint that passed the checks. */
    public enum Verdict {
        /** Keep it and countersign it. */
        TAKE,
        /** The witness holds this tree already (the same size and root): answer with the cosignature given before. */
        ALREADY_HELD
    }

    private WitnessRule() {
    }

    /**
     * Judges {@code offered} against {@code held} (null when the witness holds nothing of this log yet); refuses with
     * {@link PermissionDenied} (not the log's key), {@link Conflict} (stale {@code oldSize}, older, or a fork) or
     * {@link InvalidInput} (no Merkle root, or a proof that does not verify).
     */
    public static Verdict judge(Checkpoint held, long oldSize, List<String> proof, Checkpoint offered,
                                Map<String, String> logKeys) {
        var key = logKeys.get(offered.keyId());
        if (key == null || !offered.signatureValid(key)) {
            throw new PermissionDenied("witness.not_signed_by_log", "the checkpoint is not signed by a key this "
                    + "witness holds for the log (" + offered.keyId() + ")");
        }
        if (offered.rootHash() == null) {
            throw InvalidInput.of("checkpoint", "a witness takes version 2 checkpoints only: they sign a Merkle root");
        }
        long heldSize = held == null ? 0 : held.size();
        if (oldSize != heldSize) {
            throw new Conflict("witness.old_size", "the witness holds size " + heldSize + ", not " + oldSize
                    + ": prove consistency from " + heldSize);
        }
        if (held != null && offered.size() < held.size()) {
            throw new Conflict("witness.older", "the witness holds size " + held.size() + "; it never goes back to "
                    + offered.size());
        }
        if (held != null && offered.size() == held.size()) {
            if (!offered.rootHash().equals(held.rootHash())) {
                throw new Conflict("witness.fork", "the witness holds another tree of size " + held.size()
                        + ": the log forked");
            }
            return Verdict.ALREADY_HELD;
        }
        if (held != null && !consistent(held, offered, proof)) {
            throw InvalidInput.of("consistency", "the proof does not show the tree of " + offered.size()
                    + " extends the tree of " + held.size() + " the witness holds");
        }
        return Verdict.TAKE;
    }

    private static boolean consistent(Checkpoint held, Checkpoint offered, List<String> proof) {
        try {
            var hex = HexFormat.of();
            return MerkleTree.verifyConsistency(held.size(), offered.size(), hex.parseHex(held.rootHash()),
                    hex.parseHex(offered.rootHash()), proof.stream().map(hex::parseHex).toList());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
