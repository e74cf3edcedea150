package io.flagtrail.domain.ledger;

/**
 * The outcome of verifying a range of the ledger: either every entry from {@code from} to {@code verifiedUpTo}
 * chains and hashes correctly (with {@code checkpoint}, if any, the latest signed checkpoint that covers it),
 * or the first position that does not match and why. {@code purge} is the signed purge record the range was
 * checked under, when positions at its start were removed by retention; {@code signers} the keys whose signatures
 * held, with when each was in use, in the order they first signed.
 */
public record VerificationReport(boolean verified, long from, long verifiedUpTo, long entriesChecked,
                                 Checkpoint checkpoint, Long failedAt, VerificationFailure failure, String detail,
                                 PurgeRecord purge, java.util.List<KeyPeriod> signers, String selection) {

    public VerificationReport {
        signers = signers == null ? java.util.List.of() : java.util.List.copyOf(signers);
    }

    /** A report of the whole chain, no selection in it. */
    public VerificationReport(boolean verified, long from, long verifiedUpTo, long entriesChecked,
                              Checkpoint checkpoint, Long failedAt, VerificationFailure failure, String detail,
                              PurgeRecord purge, java.util.List<KeyPeriod> signers) {
        this(verified, from, verifiedUpTo, entriesChecked, checkpoint, failedAt, failure, detail, purge, signers, null);
    }

    /**
     * This report, whose evidence bundle also held a selection that was checked complete: {@code selection} says what
     * it holds (e.g. "the 17 entries of web/production"), and the summary quotes it.
     */
    public VerificationReport withSelection(String selection) {
        return new VerificationReport(verified, from, verifiedUpTo, entriesChecked, checkpoint, failedAt, failure,
                detail, purge, signers, selection);
    }

    /** A report that names no signers: a failure before any signature was checked. */
    public VerificationReport(boolean verified, long from, long verifiedUpTo, long entriesChecked,
                              Checkpoint checkpoint, Long failedAt, VerificationFailure failure, String detail,
                              PurgeRecord purge) {
        this(verified, from, verifiedUpTo, entriesChecked, checkpoint, failedAt, failure, detail, purge, null, null);
    }

    /** A sentence a reviewer can quote. */
    public String summary() {
        if (!verified) {
            return "verification failed at position " + failedAt + ": " + failure + " (" + detail + ")";
        }
        String verifiedPart = checkpoint == null
                ? "verified positions " + from + " to " + verifiedUpTo + "; no signed checkpoint covers them yet"
                : "verified up to position " + verifiedUpTo + " under checkpoint " + checkpoint.size()
                        + " signed by key " + checkpoint.keyId();
        if (signers.size() > 1) {
            verifiedPart += "; signed over time by " + signers.size() + " keys: " + String.join(", ",
                    signers.stream().map(KeyPeriod::toString).toList());
        }
        if (selection != null) {
            verifiedPart += "; its selection holds " + selection + ", every one and no other";
        }
        return purge == null ? verifiedPart : verifiedPart + "; positions up to " + purge.purgedTo()
                + " were purged by retention under a signed purge record, " + purge.retained().size()
                + " held entries retained";
    }
}
