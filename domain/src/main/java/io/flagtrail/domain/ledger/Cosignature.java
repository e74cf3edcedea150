package io.flagtrail.domain.ledger;

import io.flagtrail.domain.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A witness's countersignature of a log's checkpoint (after C2SP tlog-cosignature): the witness, under its key
 * {@code keyId}, says that at {@code timestamp} it held the checkpoint whose statement hashes to {@code checkpoint}
 * for the log named {@code origin}, and had checked that it extends every checkpoint of that log it held before.
 * The signature is Ed25519 over the RFC 8785 form of {@code {v, origin, checkpoint, timestamp, keyId}}.
 */
public record Cosignature(String origin, String checkpoint, Instant timestamp, String keyId, String signature) {

    static final String VERSION = "flagtrail-cosignature/1";

    public Cosignature {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(checkpoint, "checkpoint");
        timestamp = LedgerTime.precise(Objects.requireNonNull(timestamp, "timestamp"));
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(signature, "signature");
    }

    public static byte[] statement(String origin, String checkpointHash, Instant timestamp, String keyId) {
        return CanonicalJson.write(Map.of("v", VERSION, "origin", origin, "checkpoint", checkpointHash,
                "timestamp", LedgerTime.format(timestamp), "keyId", keyId)).getBytes(StandardCharsets.UTF_8);
    }

    public byte[] statement() {
        return statement(origin, checkpoint, timestamp, keyId);
    }

    /** Whether the witness key {@code publicKey} (base64 X.509) made this signature, over {@code cosigned}. */
    public boolean valid(String publicKey, Checkpoint cosigned) {
        return checkpoint.equals(cosigned.statementHash())
                && Ed25519Signatures.valid(publicKey, statement(), signature);
    }

    public String json() {
        return CanonicalJson.write(Map.of("origin", origin, "checkpoint", checkpoint,
                "timestamp", LedgerTime.format(timestamp), "keyId", keyId, "signature", signature));
    }

    public static Cosignature fromJson(Map<String, Object> json) {
        for (var field : new String[]{"origin", "checkpoint", "timestamp", "keyId", "signature"}) {
            if (!(json.get(field) instanceof String)) {
                throw new IllegalArgumentException("a cosignature needs " + field + " as a string");
            }
        }
        return new Cosignature((String) json.get("origin"), (String) json.get("checkpoint"),
                LedgerTime.parse((String) json.get("timestamp")), (String) json.get("keyId"),
                (String) json.get("signature"));
    }
}
