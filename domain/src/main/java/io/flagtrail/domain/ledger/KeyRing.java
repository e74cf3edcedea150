package io.flagtrail.domain.ledger;

import java.util.Map;

/** The public keys that sign checkpoints and purge records, by key id, and the check of one signature. */
record KeyRing(Map<String, String> publicKeys) {

    /** Why a signature does not hold. */
    record Refusal(VerificationFailure why, String detail) {
    }

    KeyRing {
        publicKeys = Map.copyOf(publicKeys);
    }

    /** Null when the checkpoint is signed by a key of the ring; else why not. */
    Refusal refuses(Checkpoint checkpoint) {
        var key = publicKeys.get(checkpoint.keyId());
        if (key == null) {
            return new Refusal(VerificationFailure.UNKNOWN_KEY, "no public key " + checkpoint.keyId());
        }
        return checkpoint.signatureValid(key) ? null : new Refusal(VerificationFailure.BAD_SIGNATURE,
                "checkpoint " + checkpoint.size() + " is not signed by key " + checkpoint.keyId());
    }

    /** Null when the purge record is signed by a key of the ring; else why not. */
    Refusal refuses(PurgeRecord purge) {
        var key = publicKeys.get(purge.keyId());
        if (key == null) {
            return new Refusal(VerificationFailure.UNKNOWN_KEY, "no public key " + purge.keyId());
        }
        return purge.signatureValid(key) ? null : new Refusal(VerificationFailure.BAD_SIGNATURE,
                "the purge record up to " + purge.purgedTo() + " is not signed by key " + purge.keyId());
    }
}
