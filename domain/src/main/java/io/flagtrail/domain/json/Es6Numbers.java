package io.flagtrail.domain.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Writes a double as ECMAScript's Number.prototype.toString does (ECMA-262 §6.1.6.1.20), which RFC 8785 uses.
 * Java's {@link Double#toString} (since JDK 19) yields the same shortest round-tripping digits; only the
 * layout (plain or exponent, where the point goes) differs, and that is what this class redoes.
 */
public final class Es6Numbers {

    private Es6Numbers() {
    }

    public static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("JSON has no NaN or Infinity");
        }
        if (value == 0) {
            return "0";
        }
        var decimal = shortest(Math.abs(value));
        String digits = decimal.unscaledValue().toString();
        int k = digits.length();
        int n = k - decimal.scale();
        var out = new StringBuilder(value < 0 ? "-" : "");
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            int exponent = n - 1;
            out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        }
        return out.toString();
    }

    /**
     * The shortest decimal that reads back as {@code value}. Java always prints at least two significant digits
     * in exponent form ({@code 4.9E-324}), so where one digit would do ({@code 5e-324}) that one is taken.
     */
    private static BigDecimal shortest(double value) {
        var java = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        if (java.precision() != 2) {
            return java;
        }
        var exact = new BigDecimal(value);
        BigDecimal best = null;
        for (var mode : new RoundingMode[]{RoundingMode.FLOOR, RoundingMode.CEILING}) {
            var candidate = java.round(new MathContext(1, mode));
            if (Double.parseDouble(candidate.toString()) == value
                    && (best == null || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                best = candidate;
            }
        }
        return best == null ? java : best.stripTrailingZeros();
    }
}
