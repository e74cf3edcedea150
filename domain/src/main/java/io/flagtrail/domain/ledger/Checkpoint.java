package io.flagtrail.domain.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * A signed statement that the ledger had {@code size} sealed entries and that the last one's hash was
 * {@code headHash}. The signature is Ed25519 over the RFC 8785 form of {@code {size, headHash, issuedAt, keyId}}.
 * Published elsewhere, a checkpoint pins the past: no entry up to {@code size} can change without breaking it.
 */
public record Checkpoint(long size, String headHash, Instant issuedAt, String keyId, String signature) {

    public Checkpoint {
        Objects.requireNonNull(headHash, "headHash");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(keyId, "keyId");
    }

    /** The bytes that are signed. */
    public static byte[] statement(long size, String headHash, Instant issuedAt, String keyId) {
        return CanonicalJson.write(Map.of("size", size, "headHash", headHash,
                "issuedAt", LedgerTime.format(issuedAt), "keyId", keyId)).getBytes(StandardCharsets.UTF_8);
    }

    public byte[] statement() {
        return statement(size, headHash, issuedAt, keyId);
    }

    /** Whether the signature was made over this statement by the private half of {@code publicKey} (X.509, base64). */
    public boolean signatureValid(String publicKey) {
        try {
            var key = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
            var verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(statement());
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
