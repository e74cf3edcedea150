package io.flagtrail.domain.json;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The one form of a JSON number in Flagtrail: an IEEE 754 double, as RFC 8785, I-JSON (RFC 7493) and every
 * OpenFeature SDK hold it. A whole number within ±2^53 (where every integer is exact) is held as a {@link Long},
 * anything else as a {@link Double}, and -0 is 0 (RFC 8785 writes both as {@code 0}, so the ledger could not tell
 * them apart). Whatever path a number took (a request body, a database column, a ledger entry, an evidence bundle),
 * the same double gives an equal value, and so the same canonical bytes and hash.
 *
 * <p>Two ways in: {@link #exact} at the door, where a number that a double would change is refused, and
 * {@link #nearest} for text that Flagtrail wrote itself (stored or exported canonical JSON), which is always read.
 */
public final class JsonNumbers {

    /** 2^53: every whole number up to this magnitude is exactly a double. */
    public static final long MAX_EXACT_INTEGER = 1L << 53;

    private JsonNumbers() {
    }

    /** Whether this long is within ±2^53 ({@code Math.abs} would not do: it leaves {@link Long#MIN_VALUE} negative). */
    public static boolean isExactInteger(long value) {
        return value >= -MAX_EXACT_INTEGER && value <= MAX_EXACT_INTEGER;
    }

    /** The one form of this double; refuses NaN and the infinities, which JSON cannot write. */
    public static Number of(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new NumberOutOfRange("numbers must be within the range of a JSON number (an IEEE 754 double, at most "
                    + Double.MAX_VALUE + " in magnitude)");
        }
        if (value == Math.rint(value) && Math.abs(value) <= MAX_EXACT_INTEGER) {
            return (long) value; // -0.0 becomes 0
        }
        return value;
    }

    /**
     * A number given as JSON text (RFC 8259 grammar, checked by the caller), read as the nearest double as every
     * JSON parser does; refuses only a literal beyond the double range ({@code 1e400}).
     */
    public static Number nearest(String literal) {
        return of(Double.parseDouble(literal));
    }

    /**
     * A number from any Java number type, in the one form. A double (or float) is taken as it is. A number given
     * exactly ({@link Long}, {@link BigInteger}, {@link BigDecimal}: JSON parsers hand over integer literals this
     * way) is taken only when it is written as a double is written — its exact value, or the shortest digits that
     * read back as it (what JavaScript, RFC 8785 and Java write) — because any other such number would silently
     * change on the way in: {@code 12345678901234567891} would become {@code 12345678901234567000}.
     */
    public static Number exact(Number number) {
        return switch (number) {
            case Double d -> of(d);
            case Float f -> of(f.doubleValue());
            case Integer i -> (long) i;
            case Short s -> (long) s;
            case Byte b -> (long) b;
            case Long l when isExactInteger(l) -> l;
            default -> exactDecimal(decimal(number));
        };
    }

    private static Number exactDecimal(BigDecimal given) {
        double value = given.doubleValue();
        Number held = of(value);
        if (value == 0 && given.signum() != 0) {
            throw new NumberOutOfRange(shown(given) + " is too small for a JSON number (an IEEE 754 double): it would be read as 0");
        }
        if (given.compareTo(new BigDecimal(value)) != 0
                && given.compareTo(new BigDecimal(Es6Numbers.format(value))) != 0
                && given.compareTo(new BigDecimal(Double.toString(value))) != 0) {
            throw new NumberOutOfRange(shown(given) + " cannot be held exactly by a JSON number (an IEEE 754 double): it would be"
                    + " read as " + Es6Numbers.format(value));
        }
        return held;
    }

    private static BigDecimal decimal(Number number) {
        return switch (number) {
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            case Long l -> BigDecimal.valueOf(l);
            default -> {
                try {
                    yield new BigDecimal(number.toString());
                } catch (NumberFormatException notDecimal) {
                    throw new NumberOutOfRange(number + " is not a finite number");
                }
            }
        };
    }

    /** The number as a person wrote it, cut short when it is long. */
    private static String shown(BigDecimal number) {
        String text = number.toString();
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /** A number JSON cannot carry, or not without changing it; the message says which and why. */
    public static final class NumberOutOfRange extends IllegalArgumentException {

        NumberOutOfRange(String message) {
            super(message);
        }
    }
}
