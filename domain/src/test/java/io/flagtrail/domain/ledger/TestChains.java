package io.flagtrail.domain.ledger;

import io.flagtrail.domain.json.RawJson;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Chains of entries and Ed25519 keys for the verifier tests. */
final class TestChains {

    /** A sealed entry as the store would hand it over. */
    record Stored(long position, String prevHash, String hash, Map<String, Object> fields) {
    }

    private TestChains() {
    }

    /** A correctly linked chain of {@code size} feature updates from position 1. */
    static List<Stored> chain(int size) {
        var entries = new ArrayList<Stored>();
        String prev = LedgerHash.GENESIS;
        for (long position = 1; position <= size; position++) {
            Map<String, Object> fields = Map.of("action", "FEATURE_UPDATED", "reason", "change " + position,
                    "after", new RawJson("{\"rolloutPercentage\":" + position + "}"));
            String hash = LedgerHash.of(fields, position, prev);
            entries.add(new Stored(position, prev, hash, fields));
            prev = hash;
        }
        return entries;
    }

    static KeyPair keyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A base64 Ed25519 signature of {@code statement}. */
    static String sign(KeyPair key, byte[] statement) {
        try {
            var signer = Signature.getInstance("Ed25519");
            signer.initSign(key.getPrivate());
            signer.update(statement);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
