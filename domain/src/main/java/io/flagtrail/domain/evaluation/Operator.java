package io.flagtrail.domain.evaluation;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntPredicate;

/** How a targeting rule compares a context attribute with its values. */
public enum Operator {
    IN, NOT_IN, EQUALS, STARTS_WITH, ENDS_WITH, CONTAINS,
    SEMVER_EQUALS, SEMVER_LESS_THAN, SEMVER_GREATER_THAN,
    LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL;

    /** All the names, as the API writes them. */
    public static final List<String> NAMES = Arrays.stream(values()).map(Operator::jsonName).toList();

    /** The name in the API and the audit trail: {@code not_in}, {@code semver_less_than}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The operator of that API name, or null. */
    public static Operator fromJsonName(String name) {
        return Arrays.stream(values()).filter(o -> o.jsonName().equals(name)).findFirst().orElse(null);
    }

    /** Operators that compare with exactly one value; the others take a list of alternatives. */
    boolean takesOneValue() {
        return switch (this) {
            case IN, NOT_IN, STARTS_WITH, ENDS_WITH, CONTAINS -> false;
            default -> true;
        };
    }

    /** Why {@code value} cannot be compared by this operator, or null when it can. */
    String refuses(Object value) {
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            return "must be strings, numbers or booleans";
        }
        return switch (this) {
            case SEMVER_EQUALS, SEMVER_LESS_THAN, SEMVER_GREATER_THAN ->
                    SemanticVersion.parse(String.valueOf(value)) == null ? "must be a semantic version such as 2.1.0" : null;
            case LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL ->
                    value instanceof Number ? null : "must be a number";
            default -> null;
        };
    }

    /** Whether {@code actual} (null when the context lacks the attribute) satisfies this operator with {@code values}. */
    public boolean test(Object actual, List<Object> values) {
        if (actual == null) {
            return this == NOT_IN;
        }
        return switch (this) {
            case IN -> values.stream().anyMatch(v -> same(actual, v));
            case NOT_IN -> values.stream().noneMatch(v -> same(actual, v));
            case EQUALS -> !values.isEmpty() && same(actual, values.getFirst());
            case STARTS_WITH -> values.stream().anyMatch(v -> String.valueOf(actual).startsWith(String.valueOf(v)));
            case ENDS_WITH -> values.stream().anyMatch(v -> String.valueOf(actual).endsWith(String.valueOf(v)));
            case CONTAINS -> values.stream().anyMatch(v -> String.valueOf(actual).contains(String.valueOf(v)));
            case SEMVER_EQUALS -> semver(actual, values, c -> c == 0);
            case SEMVER_LESS_THAN -> semver(actual, values, c -> c < 0);
            case SEMVER_GREATER_THAN -> semver(actual, values, c -> c > 0);
            case LESS_THAN -> number(actual, values, c -> c < 0);
            case LESS_THAN_OR_EQUAL -> number(actual, values, c -> c <= 0);
            case GREATER_THAN -> number(actual, values, c -> c > 0);
            case GREATER_THAN_OR_EQUAL -> number(actual, values, c -> c >= 0);
        };
    }

    private static boolean same(Object actual, Object expected) {
        if (actual instanceof Number a && expected instanceof Number e) {
            var x = decimal(a);
            return x != null && x.compareTo(decimal(e)) == 0;
        }
        return Objects.equals(String.valueOf(actual), String.valueOf(expected));
    }

    /** Compares with the first value; an attribute or value that is no semantic version never matches. */
    private static boolean semver(Object actual, List<Object> values, IntPredicate accept) {
        var a = SemanticVersion.parse(String.valueOf(actual));
        var e = values.isEmpty() ? null : SemanticVersion.parse(String.valueOf(values.getFirst()));
        return a != null && e != null && accept.test(a.compareTo(e));
    }

    /** Compares with the first value as decimal numbers; anything that is no number never matches. */
    private static boolean number(Object actual, List<Object> values, IntPredicate accept) {
        if (values.isEmpty()) {
            return false;
        }
        var a = decimal(actual);
        var e = decimal(values.getFirst());
        return a != null && e != null && accept.test(a.compareTo(e));
    }

    /**
     * A number (or numeric string from a context) as a decimal; null for anything else, NaN and the infinities
     * included (a context read by a lenient parser may hold them), which then match nothing.
     */
    private static BigDecimal decimal(Object value) {
        if (value instanceof Boolean || value == null) {
            return null;
        }
        try {
            return new BigDecimal(String.valueOf(value));
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
