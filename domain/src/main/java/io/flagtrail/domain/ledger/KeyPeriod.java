package io.flagtrail.domain.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * When a signing key was in use: the issue times of the first and the last checkpoint or purge record it signed.
 * An evidence bundle lists one per key, and the verifier reports the ones it saw, so that a key taking over from
 * another (a rotation, or a key swapped in by someone who should not have) is in plain view with its moment.
 */
public record KeyPeriod(String keyId, Instant firstSigned, Instant lastSigned) {

    public KeyPeriod {
        Objects.requireNonNull(keyId, "keyId");
        firstSigned = LedgerTime.precise(Objects.requireNonNull(firstSigned, "firstSigned"));
        lastSigned = LedgerTime.precise(Objects.requireNonNull(lastSigned, "lastSigned"));
        if (lastSigned.isBefore(firstSigned)) {
            throw new IllegalArgumentException("key " + keyId + " cannot sign last before it signed first");
        }
    }

    public boolean covers(Instant issuedAt) {
        return !issuedAt.isBefore(firstSigned) && !issuedAt.isAfter(lastSigned);
    }

    /** This period stretched to include a signature made at {@code issuedAt}. */
    KeyPeriod with(Instant issuedAt) {
        return covers(issuedAt) ? this : new KeyPeriod(keyId,
                issuedAt.isBefore(firstSigned) ? issuedAt : firstSigned,
                issuedAt.isAfter(lastSigned) ? issuedAt : lastSigned);
    }

    @Override
    public String toString() {
        return keyId + " (" + LedgerTime.format(firstSigned) + " to " + LedgerTime.format(lastSigned) + ")";
    }
}
