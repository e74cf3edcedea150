package io.flagtrail.application.service;

/**
 * The evidence bundle format, {@code flagtrail-evidence/1}: a zip whose entries come in this order so that a
 * reader can check it in one pass:
 * <ol>
 *   <li>{@code checkpoint.json}: the signed checkpoint the bundle is cut at;</li>
 *   <li>{@code public-keys.json}: {@code {keyId: base64 X.509 Ed25519 public key}};</li>
 *   <li>{@code entries.ndjson}: positions 1 to the checkpoint's size, one canonical entry per line;</li>
 *   <li>{@code manifest.json}: format, range, SHA-256 of each file above, and the rules to check them.</li>
 * </ol>
 */
final class EvidenceBundle {

    static final String FORMAT = "flagtrail-evidence/1";
    static final String CHECKPOINT = "checkpoint.json";
    static final String KEYS = "public-keys.json";
    static final String ENTRIES = "entries.ndjson";
    static final String MANIFEST = "manifest.json";
    static final String HASH_RULE = "hash = hex(SHA-256(utf8(prevHash) || utf8(RFC 8785 canonical JSON of the entry "
            + "line without its hash member))); prevHash of position 1 is 64 zeros; positions are gapless from 1";
    static final String SIGNATURE_RULE = "signature = base64(Ed25519(RFC 8785 canonical JSON of {size, headHash, "
            + "issuedAt, keyId})); headHash equals the hash at position size";

    private EvidenceBundle() {
    }
}
