package io.flagtrail.domain.ledger;

import io.flagtrail.domain.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
        issuedAt = LedgerTime.precise(issuedAt);
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

    /** The checkpoint with its signature as one canonical JSON object: how bundles and witnesses hold it. */
    public String json() {
        return CanonicalJson.write(Map.of("size", size, "headHash", headHash, "issuedAt", LedgerTime.format(issuedAt),
                "keyId", keyId, "signature", signature));
    }

    /** The checkpoint {@link #json()} wrote; refuses an object without its fields, naming the first one missing. */
    public static Checkpoint fromJson(Map<String, Object> json) {
        for (var field : new String[]{"size", "headHash", "issuedAt", "keyId", "signature"}) {
            if (json.get(field) == null) {
                throw new IllegalArgumentException("a checkpoint needs " + field);
            }
        }
        if (!(json.get("size") instanceof Number size)) {
            throw new IllegalArgumentException("a checkpoint's size is a number");
        }
        return new Checkpoint(size.longValue(), String.valueOf(json.get("headHash")),
                LedgerTime.parse(String.valueOf(json.get("issuedAt"))), String.valueOf(json.get("keyId")),
                String.valueOf(json.get("signature")));
    }

    /** Whether the signature was made over this statement by the private half of {@code publicKey} (X.509, base64). */
    public boolean signatureValid(String publicKey) {
        return Ed25519Signatures.valid(publicKey, statement(), signature);
    }
}
