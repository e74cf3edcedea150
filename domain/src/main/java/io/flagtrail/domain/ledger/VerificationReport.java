package io.flagtrail.domain.ledger;

/**
 * The outcome of verifying a range of the ledger: either every entry from {@code from} to {@code verifiedUpTo}
 * chains and hashes correctly (with {@code checkpoint}, if any, the latest signed checkpoint that covers it),
 * or the first position that does not match and why. {@code purge} is the signed purge record the range was
 * checked under, when positions at its start were removed by retention.
 */
public record VerificationReport(boolean verified, long from, long verifiedUpTo, long entriesChecked,
                                 Checkpoint checkpoint, Long failedAt, VerificationFailure failure, String detail,
                                 PurgeRecord purge) {

    /** A sentence a reviewer can quote. */
    public String summary() {
        if (!verified) {
            return "verification failed at position " + failedAt + ": " + failure + " (" + detail + ")";
        }
        String verifiedPart = checkpoint == null
                ? "verified positions " + from + " to " + verifiedUpTo + "; no signed checkpoint covers them yet"
                : "verified up to position " + verifiedUpTo + " under checkpoint " + checkpoint.size()
                        + " signed by key " + checkpoint.keyId();
        return purge == null ? verifiedPart : verifiedPart + "; positions up to " + purge.purgedTo()
                + " were purged by retention under a signed purge record, " + purge.retained().size()
                + " held entries retained";
    }
}
