package io.flagtrail.domain.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.flagtrail.domain.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * The byte-level reading of an exported line agrees with the chain rule on the parsed entry, for entries whose
 * strings and nested objects try to look like the members it looks for (a nested {@code hash}, a string holding
 * {@code ,"hash":"}, non-ASCII text), and a line changed anywhere no longer hashes to its stored hash.
 */
class SealedLineProperties {

    /** 2^53 − 1: the greatest integer RFC 8785 (IEEE 754 doubles) writes exactly. */
    static final long MAX_SAFE = 9_007_199_254_740_991L;

    @Property(tries = 500)
    void the_line_less_its_hash_member_hashes_as_the_chain_rule_says(@ForAll("entries") Map<String, Object> fields,
                                                                    @ForAll @LongRange(min = 1, max = MAX_SAFE)
                                                                    long position) {
        String prev = LedgerHash.of(LedgerHash.GENESIS, String.valueOf(position));
        var linked = LedgerHash.link(fields, position, prev);
        String hash = LedgerHash.of(prev, CanonicalJson.write(linked));
        var line = new HashMap<>(linked);
        line.put(LedgerHash.HASH, hash);
        byte[] bytes = CanonicalJson.write(line).getBytes(StandardCharsets.UTF_8);

        var sealed = new SealedLine();
        sealed.read(bytes, bytes.length);

        assertEquals(hash, sealed.storedHash());
        assertEquals(hash, sealed.computedHash());
        assertEquals(position, sealed.position());
        assertEquals(prev, sealed.prevHash());
    }

    @Property(tries = 200)
    void a_line_changed_in_any_byte_no_longer_verifies(@ForAll("entries") Map<String, Object> fields) {
        String prev = LedgerHash.GENESIS;
        var linked = LedgerHash.link(fields, 1, prev);
        var line = new HashMap<>(linked);
        line.put(LedgerHash.HASH, LedgerHash.of(prev, CanonicalJson.write(linked)));
        byte[] bytes = CanonicalJson.write(line).getBytes(StandardCharsets.UTF_8);
        var sealed = new SealedLine();
        for (int i = 0; i < bytes.length; i++) {
            byte[] changed = bytes.clone();
            changed[i] ^= 0x01;
            try {
                sealed.read(changed, changed.length);
            } catch (IllegalArgumentException refused) {
                continue; // not even an entry any more: refused, which is as good
            }
            assertNotEquals(sealed.storedHash(), sealed.computedHash(), "byte " + i + " of " + new String(bytes,
                    StandardCharsets.UTF_8));
        }
    }

    /**
     * Pinned from seed 639118324899220432: a position beyond 2^53 − 1 is written rounded (9223372036854775807 as
     * 9223372036854776000) and overflowed a long; the greatest exact one reads, the next is refused by name.
     */
    @Example
    void the_greatest_position_json_holds_exactly_reads_and_the_next_is_refused() {
        the_line_less_its_hash_member_hashes_as_the_chain_rule_says(Map.of("action", "X"), MAX_SAFE);
        String line = "{\"hash\":\"" + LedgerHash.GENESIS + "\",\"position\":9007199254740992,\"prevHash\":\""
                + LedgerHash.GENESIS + "\"}";
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        var refused = assertThrows(IllegalArgumentException.class, () -> new SealedLine().read(bytes, bytes.length));
        assertEquals("position is beyond 2^53 - 1, which JSON cannot hold exactly", refused.getMessage());
    }

    @Example
    void a_line_without_its_members_or_out_of_shape_is_refused_naming_why() {
        var sealed = new SealedLine();
        for (var text : List.of("", "[]", "{\"position\":1,\"prevHash\":\"" + LedgerHash.GENESIS + "\"}",
                "{\"hash\":\"" + LedgerHash.GENESIS + "\",\"position\":1.5,\"prevHash\":\"" + LedgerHash.GENESIS + "\"}",
                "{\"hash\":\"abc\",\"position\":1,\"prevHash\":\"" + LedgerHash.GENESIS + "\"}",
                "{\"hash\":\"" + LedgerHash.GENESIS + "\",\"position\":1,\"prevHash\":\"" + LedgerHash.GENESIS + "\"")) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            assertThrows(IllegalArgumentException.class, () -> sealed.read(bytes, bytes.length), text);
        }
    }

    @Provide
    Arbitrary<Map<String, Object>> entries() {
        var tricky = Arbitraries.of("plain", "\",\"hash\":\"", "{\"hash\":\"x\"}", "zürich ✓ 日本", "back\\slash",
                "quote\"d", "line\nbreak", "hash", "");
        var text = Arbitraries.oneOf(tricky, Arbitraries.strings().ofMaxLength(20));
        var nested = Arbitraries.maps(Arbitraries.of("hash", "position", "prevHash", "a", "z"), text).ofMaxSize(3);
        var value = Arbitraries.oneOf(text, Arbitraries.longs().map(Object.class::cast), nested.map(Object.class::cast),
                text.list().ofMaxSize(3).map(Object.class::cast));
        return Arbitraries.maps(Arbitraries.of("action", "actor", "before", "after", "reason", "zz", "Hash", "a"), value)
                .ofMaxSize(6).map(m -> new HashMap<>(m));
    }
}
