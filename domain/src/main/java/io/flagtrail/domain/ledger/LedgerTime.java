package io.flagtrail.domain.ledger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;

/** The one way the ledger writes an instant: UTC, always six fractional digits, so that hashes never depend on it. */
public final class LedgerTime {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private LedgerTime() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /** The instant as the ledger keeps it: to the microsecond, as it is written and as databases store it. */
    public static Instant precise(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static Instant parse(String text) {
        return Instant.parse(text);
    }
}
