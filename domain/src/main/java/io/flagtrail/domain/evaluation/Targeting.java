package io.flagtrail.domain.evaluation;

import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.error.Violations;
import io.flagtrail.domain.json.JsonNumbers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a feature serves: named variants whose values are all of one kind (booleans, strings, numbers or objects),
 * ordered targeting rules, the default variant (served to the rollout's share when no rule matches) and the off
 * variant (served when the feature is off and to callers outside the rollout). A plain on/off feature is
 * {@link #PLAIN}: {@code on → true}, {@code off → false}, no rules.
 */
public record Targeting(Map<String, Object> variants, List<TargetingRule> rules, String defaultVariant, String offVariant) {

    /** Before {@link #PLAIN}, whose construction uses it. */
    private static final Pattern VARIANT_NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");
    public static final String ON = "on";
    public static final String OFF = "off";
    public static final Targeting PLAIN = new Targeting(plainVariants(), List.of(), ON, OFF);
    public static final int MAX_VARIANTS = 50;
    public static final int MAX_RULES = 100;
    /** The whole targeting as canonical JSON; it is stored with the feature and twice in each audit entry. */
    public static final int MAX_BYTES = 64 * 1024;

    public Targeting {
        var checks = new Violations()
                .check(variants != null && !variants.isEmpty() && variants.size() <= MAX_VARIANTS, "variants",
                        "must name 1 to " + MAX_VARIANTS + " variants");
        rules = rules == null ? List.of() : List.copyOf(rules);
        checks.check(rules.size() <= MAX_RULES, "rules", "must be at most " + MAX_RULES);
        var normalized = new LinkedHashMap<String, Object>();
        if (variants != null) {
            variants.forEach((name, value) -> {
                checks.check(name != null && VARIANT_NAME.matcher(name).matches(), "variants",
                        "names must be 1-64 characters of A-Z, a-z, 0-9, '.', '_', '-' (got '" + name + "')");
                checks.include("variants." + name, () -> normalized.put(name, value(value)));
            });
            checks.check(normalized.values().stream().map(Targeting::kind).distinct().count() <= 1, "variants",
                    "values must all be of one kind (booleans, strings, numbers or objects)");
            checks.check(normalized.containsKey(defaultVariant), "defaultVariant",
                    "must be one of the variants " + normalized.keySet())
                    .check(normalized.containsKey(offVariant), "offVariant", "must be one of the variants " + normalized.keySet());
            for (int i = 0; i < rules.size(); i++) {
                var variant = rules.get(i).variant();
                checks.check(normalized.containsKey(variant), "rules[" + i + "].variant",
                        "'" + variant + "' is not one of the variants " + normalized.keySet());
            }
        }
        checks.throwIfAny();
        variants = Collections.unmodifiableMap(normalized);
        long bytes = JsonValues.size(json(variants, rules, defaultVariant, offVariant));
        if (bytes > MAX_BYTES) {
            throw InvalidInput.of("variants", "variants and rules together must be at most " + MAX_BYTES
                    + " bytes of JSON (they are " + bytes + ")");
        }
    }

    /**
     * Targeting from JSON-shaped parts as an adapter or a stored snapshot holds them: rules as a list of
     * {@code {"attribute", "operator", "values", "variant"}} objects. Every broken rule is reported, each naming its
     * place ({@code rules[1].operator}).
     */
    public static Targeting of(Map<String, Object> variants, List<?> rules, String defaultVariant, String offVariant) {
        return new Targeting(variants, parseRules(rules), defaultVariant, offVariant);
    }

    /**
     * A feature's variants (its definition's) with one environment's rules and default and off variants, checked
     * together; {@link #PLAIN} itself when that is what they are, which most features are.
     */
    public static Targeting combined(Map<String, Object> variants, List<TargetingRule> rules, String defaultVariant,
                                     String offVariant) {
        if (rules.isEmpty() && ON.equals(defaultVariant) && OFF.equals(offVariant) && PLAIN.variants.equals(variants)) {
            return PLAIN;
        }
        return new Targeting(variants, rules, defaultVariant, offVariant);
    }

    /** Rules from their JSON objects, every broken one reported at once under its place. */
    public static List<TargetingRule> parseRules(List<?> rules) {
        var parsed = new ArrayList<TargetingRule>();
        var checks = new Violations().check(rules == null || rules.size() <= MAX_RULES, "rules",
                "must be at most " + MAX_RULES);
        var given = rules == null || rules.size() > MAX_RULES ? List.of() : rules;
        for (int i = 0; i < given.size(); i++) {
            var rule = given.get(i);
            checks.include("rules[" + i + "]", () -> parsed.add(TargetingRule.fromJson(rule)));
        }
        checks.throwIfAny();
        return parsed;
    }

    /** From {@link #toJson()}'s shape. */
    @SuppressWarnings("unchecked")
    public static Targeting fromJson(Map<String, Object> json) {
        return of((Map<String, Object>) json.get("variants"), (List<Object>) json.get("rules"),
                (String) json.get("defaultVariant"), (String) json.get("offVariant"));
    }

    /** {@code {"variants", "rules", "defaultVariant", "offVariant"}}, as stored and audited. */
    public Map<String, Object> toJson() {
        return json(variants, rules, defaultVariant, offVariant);
    }

    /** The rules as JSON objects, in order. */
    public List<Map<String, Object>> rulesJson() {
        return rules.stream().map(TargetingRule::toJson).toList();
    }

    public boolean isPlain() {
        return equals(PLAIN);
    }

    private static Map<String, Object> json(Map<String, Object> variants, List<TargetingRule> rules, String defaultVariant,
                                            String offVariant) {
        var json = new LinkedHashMap<String, Object>();
        json.put("variants", variants);
        json.put("rules", rules.stream().map(TargetingRule::toJson).toList());
        json.put("defaultVariant", defaultVariant);
        json.put("offVariant", offVariant);
        return json;
    }

    private static Object value(Object value) {
        Object normalized;
        try {
            normalized = JsonValues.normalize(value);
        } catch (JsonNumbers.NumberOutOfRange e) {
            throw InvalidInput.of("", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("", "must be a boolean, string, number or object");
        }
        if (kind(normalized) == null) {
            throw InvalidInput.of("", "must be a boolean, string, number or object");
        }
        return normalized;
    }

    private static String kind(Object value) {
        return switch (value) {
            case Boolean b -> "boolean";
            case String s -> "string";
            case Number n -> "number";
            case Map<?, ?> m -> "object";
            case null, default -> null;
        };
    }

    private static Map<String, Object> plainVariants() {
        var variants = new LinkedHashMap<String, Object>();
        variants.put(ON, true);
        variants.put(OFF, false);
        return variants;
    }
}
