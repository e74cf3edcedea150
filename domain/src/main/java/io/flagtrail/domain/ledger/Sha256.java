package io.flagtrail.domain.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The one SHA-256 of the ledger's rules (entry hashes, Merkle nodes, checkpoint statements, key ids): one digest per
 * thread, because looking the algorithm up costs about as much as hashing an entry (bench/run ledger).
 */
final class Sha256 {

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    });

    private Sha256() {
    }

    /** This thread's digest, reset: update it and take the digest before anything else on the thread hashes. */
    static MessageDigest digest() {
        var digest = DIGEST.get();
        digest.reset();
        return digest;
    }
}
