package io.flagtrail.domain.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written format is the JDK pattern formatter's, to the character, for any instant (hashes depend on it). */
class LedgerTimeProperties {

    private static final DateTimeFormatter JDK =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    @Property(tries = 5000)
    void formats_as_the_jdk_formatter_does(@ForAll("instants") Instant instant) {
        assertEquals(JDK.format(instant), LedgerTime.format(instant));
    }

    @Example
    void the_edges_of_the_hand_written_range_and_of_days_and_leap_years() {
        for (String text : new String[]{"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999999Z", "2000-02-29T12:00:00.000001Z", "1900-03-01T00:00:00Z",
                "2026-12-03T23:59:59.5Z", "-0001-12-31T23:59:59Z", "+10000-01-01T00:00:00Z"}) {
            var instant = Instant.parse(text);
            assertEquals(JDK.format(instant), LedgerTime.format(instant), text);
        }
    }

    @Provide
    Arbitrary<Instant> instants() {
        var anyYear = Arbitraries.longs().between(-62_167_219_200L - 86_400L * 800, 253_402_300_800L + 86_400L * 800);
        var ourYears = Arbitraries.longs().between(946_684_800L, 4_102_444_800L); // 2000 to 2100
        return Arbitraries.oneOf(anyYear, ourYears)
                .flatMap(seconds -> Arbitraries.integers().between(0, 999_999_999)
                        .map(nanos -> Instant.ofEpochSecond(seconds, nanos)));
    }
}
