package io.flagtrail.domain.ledger;

import io.flagtrail.domain.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A signed statement that the ledger had {@code size} sealed entries and that the last one's hash was
 * {@code headHash}. Version 2 (ADR 0008) also signs {@code rootHash}, the Merkle tree root over the entries
 * ({@link MerkleTree}), and {@code previous}, the SHA-256 of the preceding checkpoint's statement (64 zeros for the
 * first), so that checkpoints form a chain of their own; version 1 (both null) signs
 * {@code {size, headHash, issuedAt, keyId}} and stays valid for what it signed. The signature is Ed25519 over the
 * RFC 8785 form of the statement. Published elsewhere, a checkpoint pins the past: no entry up to {@code size} can
 * change without breaking it.
 */
public record Checkpoint(long size, String headHash, String rootHash, String previous, Instant issuedAt, String keyId,
                         String signature) {

    /** What {@code previous} says of the first checkpoint: there was none. */
    public static final String NONE = LedgerHash.GENESIS;

    public Checkpoint {
        Objects.requireNonNull(headHash, "headHash");
        issuedAt = LedgerTime.precise(issuedAt);
        Objects.requireNonNull(keyId, "keyId");
        if ((rootHash == null) != (previous == null)) {
            throw new IllegalArgumentException("a version 2 checkpoint has both rootHash and previous");
        }
    }

    /** A version 1 checkpoint: no root, no previous. */
    public Checkpoint(long size, String headHash, Instant issuedAt, String keyId, String signature) {
        this(size, headHash, null, null, issuedAt, keyId, signature);
    }

    /** The bytes a version 1 checkpoint signs. */
    public static byte[] statement(long size, String headHash, Instant issuedAt, String keyId) {
        return CanonicalJson.write(Map.of("size", size, "headHash", headHash,
                "issuedAt", LedgerTime.format(issuedAt), "keyId", keyId)).getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes a version 2 checkpoint signs. */
    public static byte[] statement(long size, String headHash, String rootHash, String previous, Instant issuedAt,
                                   String keyId) {
        return CanonicalJson.write(Map.of("v", 2, "size", size, "headHash", headHash, "rootHash", rootHash,
                "previous", previous, "issuedAt", LedgerTime.format(issuedAt), "keyId", keyId))
                .getBytes(StandardCharsets.UTF_8);
    }

    public byte[] statement() {
        return rootHash == null ? statement(size, headHash, issuedAt, keyId)
                : statement(size, headHash, rootHash, previous, issuedAt, keyId);
    }

    /** What the next checkpoint names as its {@code previous}: the SHA-256 of this one's statement, hex. */
    public String statementHash() {
        return java.util.HexFormat.of().formatHex(Sha256.digest().digest(statement()));
    }

    /** The checkpoint with its signature as one canonical JSON object: how bundles and witnesses hold it. */
    public String json() {
        var fields = new java.util.HashMap<String, Object>(Map.of("size", size, "headHash", headHash,
                "issuedAt", LedgerTime.format(issuedAt), "keyId", keyId, "signature", signature));
        if (rootHash != null) {
            fields.put("rootHash", rootHash);
            fields.put("previous", previous);
        }
        return CanonicalJson.write(fields);
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
        var root = json.get("rootHash");
        var previous = json.get("previous");
        return new Checkpoint(size.longValue(), String.valueOf(json.get("headHash")),
                root == null ? null : String.valueOf(root), previous == null ? null : String.valueOf(previous),
                LedgerTime.parse(String.valueOf(json.get("issuedAt"))), String.valueOf(json.get("keyId")),
                String.valueOf(json.get("signature")));
    }

    /** Checkpoints one per line, as bundles and witnesses write them; blank lines are skipped. */
    public static java.util.List<Checkpoint> fromLines(String ndjson) {
        return ndjson.lines().filter(line -> !line.isBlank())
                .map(line -> fromJson(io.flagtrail.domain.json.JsonReader.parseObject(line))).toList();
    }

    /** Whether the signature was made over this statement by the private half of {@code publicKey} (X.509, base64). */
    public boolean signatureValid(String publicKey) {
        return Ed25519Signatures.valid(publicKey, statement(), signature);
    }
}
