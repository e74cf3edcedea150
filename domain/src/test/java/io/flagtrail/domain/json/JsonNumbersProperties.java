package io.flagtrail.domain.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every double, over its whole range (drawn from random bit patterns, so exponents from 1e-324 to 1e308 come up as
 * often as small numbers), and every integer up to 400 bits: whatever way it is written, it is read as one value
 * that writes, reads and writes again as the same canonical text.
 */
class JsonNumbersProperties {

    @Property(tries = 2000)
    void every_double_reads_back_as_itself_from_every_way_it_is_written(@ForAll("doubles") double value) {
        Number held = JsonNumbers.of(value);
        String canonical = CanonicalJson.write(List.of(held));

        assertEquals(List.of(held), JsonReader.parse(canonical), canonical);
        assertEquals(canonical, CanonicalJson.write(JsonReader.parse(canonical)));
        assertEquals(List.of(held), JsonReader.parse("[" + Double.toString(value) + "]"), "as Java writes it");
        for (var written : List.of(new BigDecimal(value), new BigDecimal(Double.toString(value)),
                new BigDecimal(Es6Numbers.format(value)))) {
            assertEquals(held, JsonNumbers.exact(written), "given exactly as " + written);
        }
        assertEquals(held, JsonNumbers.exact(value));
    }

    @Property(tries = 1000)
    void an_integer_is_taken_exactly_or_refused_never_changed(@ForAll("integers") BigInteger value) {
        double nearest = value.doubleValue();
        boolean writtenAsADouble = Double.isFinite(nearest)
                && (new BigDecimal(value).compareTo(new BigDecimal(nearest)) == 0
                || new BigDecimal(value).compareTo(new BigDecimal(Es6Numbers.format(nearest))) == 0
                || new BigDecimal(value).compareTo(new BigDecimal(Double.toString(nearest))) == 0);
        if (!writtenAsADouble) {
            assertThrows(JsonNumbers.NumberOutOfRange.class, () -> JsonNumbers.exact(value));
            return;
        }
        Number held = JsonNumbers.exact(value);
        assertEquals(JsonNumbers.of(nearest), held);
        assertEquals(List.of(held), JsonReader.parse(CanonicalJson.write(List.of(held))));
        if (value.abs().compareTo(BigInteger.valueOf(JsonNumbers.MAX_EXACT_INTEGER)) <= 0) {
            assertEquals(value.longValueExact(), held, "a safe integer stays a whole number");
        }
    }

    /** What jqwik found on a fresh clone (the canonical text of a double beyond 2^63 was read with Long.parseLong). */
    @Example
    void regression_a_double_beyond_the_long_range() {
        every_double_reads_back_as_itself_from_every_way_it_is_written(-1.2005641126851663E20);
        every_double_reads_back_as_itself_from_every_way_it_is_written(1.5e19);
    }

    @Example
    void the_edges_are_held_as_their_doubles() {
        assertEquals(0L, JsonNumbers.of(-0.0));
        assertEquals(Double.MAX_VALUE, JsonNumbers.nearest("1.7976931348623157e308"));
        assertEquals(Double.MIN_VALUE, JsonNumbers.nearest("5e-324"));
        assertEquals(Double.MIN_VALUE, JsonNumbers.exact(new BigDecimal("4.9E-324")));
        assertEquals(9007199254740992L, JsonNumbers.exact(9007199254740992L));
        assertEquals(1.8446744073709552E19, JsonNumbers.exact(new BigInteger("18446744073709551616")));
        assertEquals(1.5e19, JsonNumbers.exact(new BigInteger("15000000000000000000")));
    }

    @Example
    void what_a_double_would_change_is_refused_with_the_value_it_would_become() {
        var changed = assertThrows(JsonNumbers.NumberOutOfRange.class,
                () -> JsonNumbers.exact(new BigInteger("12345678901234567891")));
        assertTrue(changed.getMessage().contains("would be read as 12345678901234567000"), changed.getMessage());
        assertThrows(JsonNumbers.NumberOutOfRange.class, () -> JsonNumbers.exact(9007199254740993L));
        assertThrows(JsonNumbers.NumberOutOfRange.class, () -> JsonNumbers.exact(new BigDecimal("1e400")));
        assertThrows(JsonNumbers.NumberOutOfRange.class, () -> JsonNumbers.exact(new BigDecimal("1e-400")));
        assertThrows(JsonNumbers.NumberOutOfRange.class, () -> JsonNumbers.exact(Double.POSITIVE_INFINITY));
        assertThrows(JsonNumbers.NumberOutOfRange.class, () -> JsonNumbers.exact(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("1e400"));
    }

    @Example
    void the_reader_takes_the_number_grammar_of_rfc_8259_and_nothing_else() {
        for (String good : List.of("0", "-0", "1E+2", "1e-2", "-1.5e19", "123456789012345678901234567890")) {
            JsonReader.parse(good);
        }
        for (String bad : List.of("01", "1.", ".5", "+1", "-", "1e", "1e+", "1.5e", "Infinity", "NaN", "1-2", "0x10", "1.2.3")) {
            assertThrows(IllegalArgumentException.class, () -> JsonReader.parse(bad), bad);
        }
    }

    /** Any finite double: random bit patterns cover every exponent; jqwik's edge cases add the limits. */
    @Provide
    Arbitrary<Double> doubles() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite),
                Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
                        -Double.MAX_VALUE, 9007199254740992.0, 9007199254740994.0, 1e21, 1e-7, 0.1),
                Arbitraries.doubles());
    }

    @Provide
    Arbitrary<BigInteger> integers() {
        return Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.TWO.pow(400).negate(), BigInteger.TWO.pow(400)),
                Arbitraries.longs().map(BigInteger::valueOf),
                Arbitraries.longs().between(-(1L << 54), 1L << 54).map(BigInteger::valueOf),
                // a double's exact value or its digits, which must be taken
                Arbitraries.longs().map(Double::longBitsToDouble).filter(d -> Double.isFinite(d) && Math.abs(d) >= 1)
                        .map(d -> new BigDecimal(Math.rint(d)).toBigInteger()));
    }
}
