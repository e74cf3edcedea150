package io.flagtrail.application.service.audit;

import io.flagtrail.domain.json.CanonicalJson;
import io.flagtrail.domain.ledger.KeyPeriod;
import io.flagtrail.domain.ledger.LedgerTime;
import io.flagtrail.domain.ledger.PurgeRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The evidence bundle format, {@code flagtrail-evidence/3} ({@code /1} lacked the checkpoint list and {@code /2} the
 * keys' periods; both are still read): a zip whose entries come in this order so that a reader can check it in one
 * pass:
 * <ol>
 *   <li>{@code checkpoint.json}: the signed checkpoint the bundle is cut at;</li>
 *   <li>{@code checkpoints.ndjson}: every signed checkpoint up to the bundle's, oldest first, so that each one's
 *   {@code previous}, head and Merkle root are checked, and a reviewer's earlier checkpoint can be found among them;</li>
 *   <li>{@code public-keys.json}: {@code {keyId: {publicKey, firstSigned, lastSigned}}} for every key that signed a
 *   checkpoint or the purge record the bundle holds (base64 X.509 Ed25519), retired ones included, with the issue
 *   times of the first and last thing each signed, so that a key swap shows and when it happened;</li>
 *   <li>{@code purge-record.json}, only when retention has purged the ledger: the latest signed purge record;</li>
 *   <li>{@code selection.json}, only in a bundle for one project or environment: {@code {project, environment}};</li>
 *   <li>{@code entries.ndjson}: positions 1 to the checkpoint's size that are still held (all of them unless
 *   purged), one canonical entry per line;</li>
 *   <li>{@code selected.ndjson}, with {@code selection.json}: the lines of {@code entries.ndjson} whose entries are
 *   in the selection's place ({@link io.flagtrail.domain.audit.AuditPlace#of}), in order, every one of them;</li>
 *   <li>{@code manifest.json}: format, range, SHA-256 of each file above, and the rules to check them.</li>
 * </ol>
 * The entries are all there, so the verifier rebuilds the Merkle root at every checkpoint rather than taking
 * consistency proofs between them: it proves more, and the proofs would add nothing a reviewer could not recompute.
 */
final class EvidenceBundle {

    static final String FORMAT = "flagtrail-evidence/3";
    static final String FORMAT_2 = "flagtrail-evidence/2";
    static final String FORMAT_1 = "flagtrail-evidence/1";
    static final String CHECKPOINT = "checkpoint.json";
    static final String CHECKPOINTS = "checkpoints.ndjson";
    static final String KEYS = "public-keys.json";
    static final String PURGE = "purge-record.json";
    static final String SELECTION = "selection.json";
    static final String ENTRIES = "entries.ndjson";
    static final String SELECTED = "selected.ndjson";
    /** With a selection: the change-management report of its place, from its selected entries (issue 19). */
    static final String CHANGE_REPORT = "change-report.json";
    static final String MANIFEST = "manifest.json";
    static final String HASH_RULE = "hash = hex(SHA-256(utf8(prevHash) || utf8(RFC 8785 canonical JSON of the entry "
            + "line without its hash member))); prevHash of position 1 is 64 zeros; positions are gapless from 1";
    static final String SIGNATURE_RULE = "signature = base64(Ed25519(RFC 8785 canonical JSON of {size, headHash, "
            + "issuedAt, keyId}, or for version 2 of {v: 2, size, headHash, rootHash, previous, issuedAt, keyId})); "
            + "headHash equals the hash at position size; rootHash is the RFC 9162 Merkle root over leaves "
            + "SHA-256(0x00 || bytes of each entry's hash) up to size; previous is hex(SHA-256(statement of the "
            + "checkpoint before)), 64 zeros for the first";

    static final String KEY_RULE = "every checkpoint's and the purge record's issuedAt lies between firstSigned and "
            + "lastSigned of its key in public-keys.json";

    static final String PURGE_RULE = "positions up to purgedTo may be missing: every retained [position, hash] must be "
            + "present with that hash, the chain resumes at purgedTo + 1 from hashAtPurgedTo, and signature = "
            + "base64(Ed25519(RFC 8785 canonical JSON of {purgedTo, hashAtPurgedTo, retained, issuedAt, keyId}))";

    static final String SELECTION_RULE = "selected.ndjson holds, in order and unchanged, exactly the lines of "
            + "entries.ndjson whose place is the selection's: a feature entry's place is its after (else before) "
            + "snapshot's project and environment (default/production when it names none); an environment entry's its "
            + "subject key project/environment; a project entry's its subject key; a ROLE_GRANTED or ROLE_REVOKED "
            + "entry of a user the place (project[/environment] after '@') of the one grant its snapshots' grants "
            + "differ by; a selection without an environment holds its project's entries of every environment";

    private EvidenceBundle() {
    }

    static String purgeJson(PurgeRecord record) {
        var retained = new ArrayList<Object>();
        record.retained().forEach((position, hash) -> retained.add(List.of(position, hash)));
        return CanonicalJson.write(Map.of("purgedTo", record.purgedTo(), "hashAtPurgedTo", record.hashAtPurgedTo(),
                "retained", retained, "issuedAt", LedgerTime.format(record.issuedAt()), "keyId", record.keyId(),
                "signature", record.signature()));
    }

    /** {@code public-keys.json}: each key that signed, with its period; a key the signer no longer lists has none. */
    static String keysJson(List<KeyPeriod> periods, Map<String, String> publicKeys) {
        var keys = new java.util.HashMap<String, Object>();
        for (var period : periods) {
            var key = new java.util.HashMap<String, Object>();
            key.put("publicKey", publicKeys.get(period.keyId()));
            key.put("firstSigned", LedgerTime.format(period.firstSigned()));
            key.put("lastSigned", LedgerTime.format(period.lastSigned()));
            keys.put(period.keyId(), key);
        }
        return CanonicalJson.write(keys);
    }

    /** The public keys of a {@code public-keys.json}, and into {@code periods} the periods of a version 3 one. */
    @SuppressWarnings("unchecked")
    static Map<String, String> keys(Map<String, Object> json, List<KeyPeriod> periods) {
        var keys = new java.util.HashMap<String, String>();
        json.forEach((id, value) -> {
            if (value instanceof Map<?, ?> key) {
                var fields = (Map<String, Object>) key;
                keys.put(id, (String) fields.get("publicKey"));
                periods.add(new KeyPeriod(id, LedgerTime.parse((String) fields.get("firstSigned")),
                        LedgerTime.parse((String) fields.get("lastSigned"))));
            } else {
                keys.put(id, (String) value);
            }
        });
        keys.values().removeIf(java.util.Objects::isNull);
        return keys;
    }

    @SuppressWarnings("unchecked")
    static PurgeRecord purge(Map<String, Object> json) {
        var retained = new TreeMap<Long, String>();
        for (var pair : (List<List<Object>>) json.get("retained")) {
            retained.put(((Number) pair.get(0)).longValue(), (String) pair.get(1));
        }
        return new PurgeRecord(((Number) json.get("purgedTo")).longValue(), (String) json.get("hashAtPurgedTo"), retained,
                LedgerTime.parse((String) json.get("issuedAt")), (String) json.get("keyId"), (String) json.get("signature"));
    }
}
