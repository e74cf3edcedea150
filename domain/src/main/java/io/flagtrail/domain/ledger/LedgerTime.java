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

    /**
     * Written by hand for years 0 to 9999 (every instant the ledger holds): verification and export format one per
     * entry, and the JDK's pattern formatter costs about a microsecond each, a tenth of the JVM's work per entry.
     * {@code LedgerTimeProperties} holds it to the formatter, which writes every other year.
     */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < YEAR_0 || seconds >= YEAR_10000) {
            return FORMAT.format(instant);
        }
        long days = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        // civil date from days since 1970-01-01 (Howard Hinnant's algorithm, proleptic Gregorian as java.time)
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        int dayOfEra = (int) (z - era * 146_097);
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int monthIndex = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
        int month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        var out = new char[27];
        digits(out, 0, year, 4);
        out[4] = '-';
        digits(out, 5, month, 2);
        out[7] = '-';
        digits(out, 8, day, 2);
        out[10] = 'T';
        digits(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        digits(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        digits(out, 17, secondOfDay % 60, 2);
        out[19] = '.';
        digits(out, 20, instant.getNano() / 1000, 6);
        out[26] = 'Z';
        return new String(out);
    }

    private static final long YEAR_0 = -62_167_219_200L;
    private static final long YEAR_10000 = 253_402_300_800L;

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The instant as the ledger keeps it: to the microsecond, as it is written and as databases store it. */
    public static Instant precise(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static Instant parse(String text) {
        return Instant.parse(text);
    }
}
