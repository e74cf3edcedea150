package io.flagtrail.domain.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The word-at-a-time scans find what a byte-at-a-time loop finds, wherever the range starts and ends. */
class ByteScanProperties {

    /** A range of bytes drawn mostly from the ones the scans look for and their neighbours. */
    record Range(byte[] bytes, int from, int to) {
    }

    @Property(tries = 2000)
    void quote_or_backslash_is_the_first_one(@ForAll("ranges") Range range) {
        int expected = range.to();
        for (int i = range.from(); i < range.to(); i++) {
            if (range.bytes()[i] == '"' || range.bytes()[i] == '\\') {
                expected = i;
                break;
            }
        }
        assertEquals(expected, ByteScan.quoteOrBackslash(range.bytes(), range.from(), range.to()));
    }

    @Property(tries = 2000)
    void index_of_is_the_first_one(@ForAll("ranges") Range range) {
        int expected = range.to();
        for (int i = range.from(); i < range.to(); i++) {
            if (range.bytes()[i] == '\n') {
                expected = i;
                break;
            }
        }
        assertEquals(expected, ByteScan.indexOf(range.bytes(), (byte) '\n', range.from(), range.to()));
    }

    @Example
    void a_match_above_a_byte_that_borrows_is_not_taken_for_an_earlier_one() {
        // 0x23 ('#') is '"' + 1 and 0x0b is '\n' + 1: borrows from a true zero byte flag the byte above it too
        byte[] bytes = {'a', 0x23, '"', 'b', 0x0b, '\n', 'c', 'd', 'e'};
        assertEquals(2, ByteScan.quoteOrBackslash(bytes, 0, bytes.length));
        assertEquals(5, ByteScan.indexOf(bytes, (byte) '\n', 0, bytes.length));
        assertEquals(bytes.length, ByteScan.indexOf(bytes, (byte) '\n', 6, bytes.length));
    }

    @Provide
    Arbitrary<Range> ranges() {
        var interesting = Arbitraries.of((byte) '"', (byte) '\\', (byte) '\n', (byte) 0x21, (byte) 0x23, (byte) 0x0b,
                (byte) 0x5b, (byte) 0x5d, (byte) 0, (byte) 0x80, (byte) 0xff, (byte) 'a');
        var any = Arbitraries.bytes();
        var bytes = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, interesting), net.jqwik.api.Tuple.of(8, any))
                .array(byte[].class).ofMaxSize(70);
        return bytes.flatMap(array -> Combinators.combine(Arbitraries.integers().between(0, array.length),
                Arbitraries.integers().between(0, array.length)).as((a, b) -> new Range(array, Math.min(a, b), Math.max(a, b))));
    }
}
