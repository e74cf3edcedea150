package io.flagtrail.domain.ledger;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Checks the ledger's Ed25519 signatures (checkpoints, purge records) with the JDK alone, so a verifier needs nothing else. */
final class Ed25519Signatures {

    private Ed25519Signatures() {
    }

    /** Whether {@code signature} (base64) was made over {@code statement} by the private half of {@code publicKey} (X.509, base64). */
    static boolean valid(String publicKey, byte[] statement, String signature) {
        try {
            var key = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
            var verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(statement);
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
