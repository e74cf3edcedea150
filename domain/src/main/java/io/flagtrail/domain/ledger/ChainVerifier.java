package io.flagtrail.domain.ledger;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Checks a run of sealed entries, fed in position order, one at a time: constant memory whatever the length.
 * For each entry it checks the position follows on, the link to the previous hash, and the hash of the content;
 * at every checkpoint inside the range, the head hash and the Ed25519 signature.
 */
public final class ChainVerifier {

    private final long from;
    private final NavigableMap<Long, Checkpoint> checkpoints;
    private final Map<String, String> publicKeys;
    private long expected;
    private String lastHash;
    private long checked;
    private Checkpoint covering;
    private VerificationReport failure;

    /**
     * @param from        the first position to check
     * @param anchorHash  the hash of the entry before {@code from} ({@link LedgerHash#GENESIS} when from is 1)
     * @param checkpoints checkpoints whose size falls in the range, by any order
     * @param publicKeys  base64 X.509 Ed25519 public keys by key id
     */
    public ChainVerifier(long from, String anchorHash, Iterable<Checkpoint> checkpoints, Map<String, String> publicKeys) {
        this.from = from;
        this.expected = from;
        this.lastHash = anchorHash;
        this.checkpoints = new TreeMap<>();
        checkpoints.forEach(c -> this.checkpoints.put(c.size(), c));
        this.publicKeys = Map.copyOf(publicKeys);
    }

    /** Feeds the next entry; answers false once verification has failed (further entries are ignored). */
    public boolean accept(long position, String prevHash, String storedHash, String computedHash) {
        if (failure != null) {
            return false;
        }
        if (position > expected) {
            return fail(expected, VerificationFailure.GAP, "the next entry found is at position " + position);
        }
        if (position < expected) {
            return fail(position, VerificationFailure.REORDERED, "position " + position + " came after " + (expected - 1));
        }
        if (!lastHash.equals(prevHash)) {
            return fail(position, VerificationFailure.BROKEN_LINK, "prevHash is not the hash of position " + (position - 1));
        }
        if (!computedHash.equals(storedHash)) {
            return fail(position, VerificationFailure.HASH_MISMATCH, "the content hashes to " + computedHash);
        }
        var checkpoint = checkpoints.get(position);
        if (checkpoint != null && !checkpointHolds(checkpoint, storedHash)) {
            return false;
        }
        lastHash = storedHash;
        expected = position + 1;
        checked++;
        return true;
    }

    /** Stops verification: what was fed could not even be read as an entry. */
    public void malformed(long position, String detail) {
        if (failure == null) {
            fail(position, VerificationFailure.MALFORMED, detail);
        }
    }

    /** The report once every entry up to {@code to} (or the end of the ledger) has been fed. */
    public VerificationReport finish() {
        if (failure != null) {
            return failure;
        }
        var beyond = checkpoints.ceilingEntry(expected);
        if (beyond != null) {
            fail(expected, VerificationFailure.GAP, "checkpoint " + beyond.getKey() + " says the ledger had "
                    + beyond.getKey() + " entries, but it ends at " + (expected - 1));
            return failure;
        }
        return new VerificationReport(true, from, expected - 1, checked, covering, null, null, null);
    }

    private boolean checkpointHolds(Checkpoint checkpoint, String storedHash) {
        if (!checkpoint.headHash().equals(storedHash)) {
            return fail(checkpoint.size(), VerificationFailure.CHECKPOINT_MISMATCH,
                    "checkpoint " + checkpoint.size() + " has head hash " + checkpoint.headHash());
        }
        var key = publicKeys.get(checkpoint.keyId());
        if (key == null) {
            return fail(checkpoint.size(), VerificationFailure.UNKNOWN_KEY, "no public key " + checkpoint.keyId());
        }
        if (!checkpoint.signatureValid(key)) {
            return fail(checkpoint.size(), VerificationFailure.BAD_SIGNATURE,
                    "checkpoint " + checkpoint.size() + " is not signed by key " + checkpoint.keyId());
        }
        covering = checkpoint;
        return true;
    }

    private boolean fail(long position, VerificationFailure why, String detail) {
        failure = new VerificationReport(false, from, expected - 1, checked, covering, position, why, detail);
        return false;
    }
}
