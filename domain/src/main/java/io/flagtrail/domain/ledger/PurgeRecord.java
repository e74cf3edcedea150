package io.flagtrail.domain.ledger;

import io.flagtrail.domain.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A signed statement that the entries at positions 1 to {@code purgedTo} were removed under the retention policy,
 * except the {@code retained} ones (held by a legal hold when the record was made), listed with their hashes.
 * It is what lets verification tell a sanctioned purge from a deletion: the chain resumes at {@code purgedTo + 1}
 * from {@code hashAtPurgedTo}, and every retained entry must still be there and hash to what the record says.
 * The signature is Ed25519 over the RFC 8785 form of
 * {@code {purgedTo, hashAtPurgedTo, retained: [[position, hash], ...], issuedAt, keyId}}.
 */
public record PurgeRecord(long purgedTo, String hashAtPurgedTo, NavigableMap<Long, String> retained, Instant issuedAt,
                          String keyId, String signature) {

    public PurgeRecord {
        if (purgedTo < 1) {
            throw new IllegalArgumentException("a purge removes at least position 1");
        }
        Objects.requireNonNull(hashAtPurgedTo, "hashAtPurgedTo");
        issuedAt = LedgerTime.precise(issuedAt);
        Objects.requireNonNull(keyId, "keyId");
        var copy = new TreeMap<Long, String>(retained);
        if (!copy.isEmpty() && (copy.firstKey() < 1 || copy.lastKey() > purgedTo)) {
            throw new IllegalArgumentException("retained positions lie within 1.." + purgedTo);
        }
        retained = Collections.unmodifiableNavigableMap(copy);
    }

    /** The bytes that are signed. */
    public static byte[] statement(long purgedTo, String hashAtPurgedTo, NavigableMap<Long, String> retained,
                                   Instant issuedAt, String keyId) {
        var pairs = new ArrayList<Object>(retained.size());
        retained.forEach((position, hash) -> pairs.add(java.util.List.of(position, hash)));
        return CanonicalJson.write(Map.of("purgedTo", purgedTo, "hashAtPurgedTo", hashAtPurgedTo, "retained", pairs,
                "issuedAt", LedgerTime.format(issuedAt), "keyId", keyId)).getBytes(StandardCharsets.UTF_8);
    }

    public byte[] statement() {
        return statement(purgedTo, hashAtPurgedTo, retained, issuedAt, keyId);
    }

    /** Whether the signature was made over this statement by the private half of {@code publicKey} (X.509, base64). */
    public boolean signatureValid(String publicKey) {
        return Ed25519Signatures.valid(publicKey, statement(), signature);
    }
}
