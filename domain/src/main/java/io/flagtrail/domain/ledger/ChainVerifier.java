package io.flagtrail.domain.ledger;

import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Checks a run of sealed entries, fed in position order, one at a time, in constant memory: for each entry that the
 * position follows on, the link to the previous hash and the hash of the content; at every checkpoint inside the
 * range, the head hash and the Ed25519 signature. Positions up to a signed {@link PurgeRecord}'s {@code purgedTo}
 * may be missing: there it checks what the record claims (its signature, every entry it retained present with the
 * hash it lists, entries still present hashing and linking, the signatures of checkpoints whose entry is gone), and
 * the chain resumes at {@code purgedTo + 1} from the record's {@code hashAtPurgedTo}.
 */
public final class ChainVerifier {

    private final long from;
    private final long to;
    private final NavigableMap<Long, Checkpoint> checkpoints;
    private final KeyRing keys;
    private final CheckpointCheck check;
    private final PurgeRecord purge;
    private final Iterator<Map.Entry<Long, String>> retainedAhead;
    private Map.Entry<Long, String> nextRetained;
    private boolean inPurgedRange;
    private long expected;
    private String lastHash;
    private long checked;
    private Checkpoint covering;
    private VerificationReport failure;

    /**
     * Checks {@code from..to} of a ledger purged under {@code purge} (null when it never was, and then {@code to} may
     * be {@link Long#MAX_VALUE}: the end of what is fed). When {@code from} lies at or below
     * {@code purge.purgedTo() + 1} the anchor is the record's; else {@code anchorHash} is: the hash of the entry
     * before {@code from} ({@link LedgerHash#GENESIS} when from is 1). {@code checkpoints} are those whose size falls
     * in the range, in any order; {@code publicKeys} are base64 X.509 Ed25519 keys by key id.
     */
    public ChainVerifier(long from, long to, String anchorHash, Iterable<Checkpoint> checkpoints,
                         Map<String, String> publicKeys, PurgeRecord purge) {
        this.from = from;
        this.to = to;
        this.expected = from;
        this.purge = purge != null && from <= purge.purgedTo() + 1 ? purge : null;
        this.check = new CheckpointCheck(checkpoints, publicKeys, from == 1 && this.purge == null);
        this.checkpoints = check.checkpoints();
        this.keys = check.keys();
        this.inPurgedRange = this.purge != null;
        this.lastHash = this.purge == null || from == 1 ? anchorHash : null;
        this.retainedAhead = this.purge == null ? null : this.purge.retained().tailMap(from, true).entrySet().iterator();
        this.nextRetained = retainedAhead != null && retainedAhead.hasNext() ? retainedAhead.next() : null;
    }

    /** Feeds the next entry; answers false once verification has failed (further entries are ignored). */
    public boolean accept(long position, String prevHash, String storedHash, String computedHash) {
        if (failure != null) {
            return false;
        }
        if (inPurgedRange) {
            if (position <= purge.purgedTo()) {
                return acceptPurged(position, prevHash, storedHash, computedHash);
            }
            if (!leavePurgedRange(purge.purgedTo())) {
                return false;
            }
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
        return acceptHashed(position, storedHash, computedHash);
    }

    /** Before any entry is fed: the range must also extend these checkpoints held outside it (else DIVERGED). */
    public void trust(Iterable<Checkpoint> held) {
        for (var checkpoint : held) {
            var refused = check.trust(checkpoint);
            if (refused != null && failure == null) {
                fail(checkpoint.size(), refused.why(), refused.detail());
            }
        }
    }

    /** Before any entry is fed: each key may only have signed within the period listed for it (else KEY_PERIOD). */
    public void declare(Iterable<KeyPeriod> periods) {
        keys.declare(periods);
    }

    /**
     * Before any entry is fed: checks each checkpoint's signature under a public key with {@code check} (which must
     * answer as {@link Checkpoint#signatureValid} does), e.g. one that worked them out ahead on another thread.
     */
    public void checkSignaturesWith(java.util.function.BiPredicate<Checkpoint, String> check) {
        keys.checkSignaturesWith(check);
    }

    /** Stops verification: what was fed could not even be read as an entry. */
    public void malformed(long position, String detail) {
        if (failure == null) {
            fail(position, VerificationFailure.MALFORMED, detail);
        }
    }

    /** The report once every entry up to {@code to} (or the end of the ledger) has been fed. */
    public VerificationReport finish() {
        if (failure == null && inPurgedRange) {
            leavePurgedRange(to);
        }
        if (failure != null) {
            return failure;
        }
        var unfinished = check.end(expected - 1);
        if (unfinished != null) {
            fail(expected, unfinished.why(), unfinished.detail());
            return failure;
        }
        return new VerificationReport(true, from, expected - 1, checked, covering, null, null, null, purge, keys.signers());
    }

    private boolean acceptPurged(long position, String prevHash, String storedHash, String computedHash) {
        if (position < expected) {
            return fail(position, VerificationFailure.REORDERED, "position " + position + " came after " + (expected - 1));
        }
        if (!retainedPresentBefore(position)) {
            return false;
        }
        boolean retained = nextRetained != null && nextRetained.getKey() == position;
        if (retained && !nextRetained.getValue().equals(storedHash)) {
            return fail(position, VerificationFailure.PURGE_MISMATCH,
                    "the purge record retains position " + position + " with hash " + nextRetained.getValue());
        }
        if (position == purge.purgedTo() && !purge.hashAtPurgedTo().equals(storedHash)) {
            return fail(position, VerificationFailure.PURGE_MISMATCH,
                    "the purge record resumes the chain from hash " + purge.hashAtPurgedTo());
        }
        if (position == expected && lastHash != null && !lastHash.equals(prevHash)) {
            return fail(position, VerificationFailure.BROKEN_LINK, "prevHash is not the hash of position " + (position - 1));
        }
        if (retained) {
            nextRetained = retainedAhead.hasNext() ? retainedAhead.next() : null;
        }
        return acceptHashed(position, storedHash, computedHash);
    }

    /** Every retained position before {@code position} must have been fed: a missing one was deleted outside the purge. */
    private boolean retainedPresentBefore(long position) {
        if (nextRetained != null && nextRetained.getKey() < position) {
            return fail(nextRetained.getKey(), VerificationFailure.GAP, "the purge record retains position "
                    + nextRetained.getKey() + " under a legal hold, but it is missing");
        }
        return true;
    }

    /** Closes the purged range after feeding up to {@code reached}: checks the record and resumes the chain after it. */
    private boolean leavePurgedRange(long reached) {
        inPurgedRange = false;
        if (!retainedPresentBefore(Math.min(reached, purge.purgedTo()) + 1)) {
            return false;
        }
        var unsigned = keys.refuses(purge);
        if (unsigned != null) {
            return fail(purge.purgedTo(), unsigned.why(), unsigned.detail());
        }
        for (var gone : checkpoints.subMap(from, true, purge.purgedTo(), true).values()) {
            if (!signatureHolds(gone)) {
                return false;
            }
        }
        if (reached >= purge.purgedTo()) {
            expected = purge.purgedTo() + 1;
            lastHash = purge.hashAtPurgedTo();
        }
        return true;
    }

    private boolean acceptHashed(long position, String storedHash, String computedHash) {
        if (!computedHash.equals(storedHash)) {
            return fail(position, VerificationFailure.HASH_MISMATCH, "the content hashes to " + computedHash);
        }
        var refused = check.entry(position, storedHash);
        if (refused != null) {
            return fail(position, refused.why(), refused.detail());
        }
        covering = checkpoints.getOrDefault(position, covering);
        lastHash = storedHash;
        expected = position + 1;
        checked++;
        return true;
    }

    private boolean signatureHolds(Checkpoint checkpoint) {
        var unsigned = keys.refuses(checkpoint);
        covering = unsigned == null ? checkpoint : covering;
        return unsigned == null || fail(checkpoint.size(), unsigned.why(), unsigned.detail());
    }

    private boolean fail(long position, VerificationFailure why, String detail) {
        failure = new VerificationReport(false, from, expected - 1, checked, covering, position, why, detail, purge);
        return false;
    }
}
