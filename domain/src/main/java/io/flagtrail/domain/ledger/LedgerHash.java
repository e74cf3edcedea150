package io.flagtrail.domain.ledger;

import io.flagtrail.domain.json.CanonicalJson;
import io.flagtrail.domain.json.FixedKeyMap;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The chain rule: an entry sealed at {@code position} after an entry whose hash is {@code prevHash} hashes to
 * {@code SHA-256(prevHash ‖ canonical)}, where {@code canonical} is the RFC 8785 form of the entry's fields
 * together with {@code position} and {@code prevHash} (and without {@code hash}); both parts as UTF-8, the
 * hashes as 64 lower-case hex digits. The first entry's prevHash is {@link #GENESIS}.
 */
public final class LedgerHash {

    public static final String GENESIS = "0".repeat(64);
    public static final String POSITION = "position";
    public static final String PREV_HASH = "prevHash";
    public static final String HASH = "hash";

    private LedgerHash() {
    }

    /**
     * The entry's fields with its place in the chain, as they are hashed and exported. A {@link FixedKeyMap} that
     * has room for the chain members is filled in place; any other map is copied.
     */
    public static Map<String, Object> link(Map<String, Object> fields, long position, String prevHash) {
        if (fields instanceof FixedKeyMap fixed && fixed.containsKey(POSITION) && fixed.containsKey(PREV_HASH)) {
            return fixed.set(POSITION, position).set(PREV_HASH, prevHash);
        }
        var linked = new HashMap<>(fields);
        linked.put(POSITION, position);
        linked.put(PREV_HASH, prevHash);
        return linked;
    }

    public static String of(String prevHash, String canonical) {
        var sha256 = Sha256.digest();
        sha256.update(prevHash.getBytes(StandardCharsets.UTF_8));
        sha256.update(canonical.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The hash of an entry given its fields, position and predecessor. */
    public static String of(Map<String, Object> fields, long position, String prevHash) {
        return of(prevHash, CanonicalJson.write(link(fields, position, prevHash)));
    }
}
