package io.flagtrail.domain.json;

import io.flagtrail.domain.ledger.LedgerHash;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.erdtman.jcs.JsonCanonicalizer;

/** Our canonical form equals an independent RFC 8785 implementation's, for any JSON value. */
class CanonicalJsonProperties {

    @Property(tries = 500)
    void matches_an_independent_implementation(@ForAll("values") Object value) throws IOException {
        String ours = CanonicalJson.write(java.util.Collections.singletonList(value)); // it wants a top-level array or object
        assertEquals(new JsonCanonicalizer(ours).getEncodedString(), ours);
    }

    @Property(tries = 300)
    void numbers_match_an_independent_implementation(@ForAll double value) throws IOException {
        String ours = CanonicalJson.write(List.of(value));
        assertEquals(new JsonCanonicalizer(ours).getEncodedString(), ours);
    }

    @Property(tries = 500)
    void reading_canonical_text_and_writing_it_again_gives_the_same_text(@ForAll("values") Object value) {
        String canonical = CanonicalJson.write(java.util.Collections.singletonList(value));
        assertEquals(canonical, CanonicalJson.write(JsonReader.parse(canonical)));
    }

    /** What jqwik found on a fresh clone: the canonical text of a double beyond the long range could not be read back. */
    @Example
    void regression_a_double_beyond_the_long_range_reads_back() {
        reading_canonical_text_and_writing_it_again_gives_the_same_text(-1.2005641126851663E20);
        reading_canonical_text_and_writing_it_again_gives_the_same_text(java.util.Map.of("big", 1.5e19, "long", Long.MIN_VALUE));
    }

    @Property(tries = 300)
    void a_fixed_key_map_writes_and_links_exactly_as_a_plain_map(@ForAll("values") Object a, @ForAll("values") Object b,
                                                                  @ForAll long position) {
        var keys = FixedKeyMap.Keys.of("zeta", "alpha", "position", "prevHash", "m");
        var fixed = keys.map().set("zeta", a).set("alpha", b).set("m", "x");
        var plain = new java.util.HashMap<String, Object>();
        plain.put("zeta", a);
        plain.put("alpha", b);
        plain.put("m", "x");

        assertEquals(CanonicalJson.write(plain),
                CanonicalJson.write(new java.util.HashMap<>(fixed)).replace(",\"position\":null,\"prevHash\":null", ""));
        assertEquals(LedgerHash.of(plain, position, "p"), LedgerHash.of(fixed, position, "p"));
        plain.put("position", position);
        plain.put("prevHash", "p");
        plain.put("hash", "h");
        assertEquals(CanonicalJson.write(plain), CanonicalJson.write(fixed.with("hash", "h")));
    }

    @Provide
    Arbitrary<Object> values() {
        return Arbitraries.lazyOf(
                () -> Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s.replaceAll("[\\uD800-\\uDFFF]", "?")),
                () -> Arbitraries.integers().map(i -> (Object) i),
                () -> Arbitraries.doubles().between(-1e25, 1e25).map(d -> (Object) d),
                // every exponent, from subnormals to the largest double
                () -> Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite).map(d -> (Object) d),
                () -> Arbitraries.longs().map(l -> (Object) l),
                () -> Arbitraries.of(true, false).map(b -> (Object) b),
                () -> Arbitraries.just(null),
                () -> values().list().ofMaxSize(4).map(l -> (Object) l),
                () -> Arbitraries.maps(Arbitraries.strings().ofMaxLength(6)
                                .map(s -> s.replaceAll("[\\uD800-\\uDFFF]", "?")), values())
                        .ofMaxSize(4).map(m -> (Object) new java.util.HashMap<>(m)));
    }
}
