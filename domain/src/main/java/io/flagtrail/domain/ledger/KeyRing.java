package io.flagtrail.domain.ledger;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The public keys that sign checkpoints and purge records, by key id, and the check of one signature. When the
 * periods the keys were in use are declared (an evidence bundle's), a signature must also fall within its key's.
 * It notes the period of every key whose signature it accepted, for the report.
 */
final class KeyRing {

    /** Why a signature does not hold. */
    record Refusal(VerificationFailure why, String detail) {
    }

    private final Map<String, String> publicKeys;
    private final Map<String, KeyPeriod> declared = new HashMap<>();
    private final KeyPeriods seen = new KeyPeriods();
    private java.util.function.BiPredicate<Checkpoint, String> signatures = Checkpoint::signatureValid;

    KeyRing(Map<String, String> publicKeys) {
        this.publicKeys = Map.copyOf(publicKeys);
    }

    void declare(Iterable<KeyPeriod> periods) {
        periods.forEach(period -> declared.put(period.keyId(), period));
    }

    /** How a checkpoint's signature is checked under a public key: in line by default (see ChainVerifier). */
    void checkSignaturesWith(java.util.function.BiPredicate<Checkpoint, String> check) {
        this.signatures = check;
    }

    /** The period of each key whose signatures were accepted, in the order they first signed. */
    List<KeyPeriod> signers() {
        return seen.periods();
    }

    /** Null when the checkpoint is signed by a key of the ring; else why not. */
    Refusal refuses(Checkpoint checkpoint) {
        return refuses(checkpoint.keyId(), checkpoint.issuedAt(), () -> signatures.test(checkpoint, key(checkpoint.keyId())),
                "checkpoint " + checkpoint.size());
    }

    /** Null when the purge record is signed by a key of the ring; else why not. */
    Refusal refuses(PurgeRecord purge) {
        return refuses(purge.keyId(), purge.issuedAt(), () -> purge.signatureValid(key(purge.keyId())),
                "the purge record up to " + purge.purgedTo());
    }

    private Refusal refuses(String keyId, Instant issuedAt, java.util.function.BooleanSupplier valid, String what) {
        if (!publicKeys.containsKey(keyId)) {
            return new Refusal(VerificationFailure.UNKNOWN_KEY, "no public key " + keyId);
        }
        if (!valid.getAsBoolean()) {
            return new Refusal(VerificationFailure.BAD_SIGNATURE, what + " is not signed by key " + keyId);
        }
        var period = declared.get(keyId);
        if (!declared.isEmpty() && (period == null || !period.covers(issuedAt))) {
            return new Refusal(VerificationFailure.KEY_PERIOD, what + " was signed by key " + keyId + " at "
                    + LedgerTime.format(issuedAt) + ", outside the period listed for it: "
                    + (period == null ? "none" : period));
        }
        seen.signed(keyId, issuedAt);
        return null;
    }

    private String key(String keyId) {
        return publicKeys.get(keyId);
    }
}
