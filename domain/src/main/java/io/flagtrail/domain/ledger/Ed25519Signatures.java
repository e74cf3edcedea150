package io.flagtrail.domain.ledger;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Checks the ledger's Ed25519 signatures (checkpoints, purge records, what an external signer answers) with the JDK
 * alone, so a verifier needs nothing else.
 */
public final class Ed25519Signatures {

    private Ed25519Signatures() {
    }

    /** Whether {@code signature} (base64) was made over {@code statement} by the private half of {@code publicKey} (X.509, base64). */
    static boolean valid(String publicKey, byte[] statement, String signature) {
        try {
            return valid(publicKey(publicKey), statement, Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /** Whether {@code signature} was made over {@code statement} by the private half of {@code key}. */
    public static boolean valid(PublicKey key, byte[] statement, byte[] signature) {
        try {
            var verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(statement);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The Ed25519 public key given as base64 X.509; IllegalArgumentException when it is none. */
    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a base64 X.509 Ed25519 public key", e);
        }
    }
}
