package io.flagtrail.domain.evaluation;

import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.error.Violations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What evaluation needs of a feature: its variants (name → boolean, string, number or object value), ordered targeting
 * rules, the default variant with a percentage rollout (callers outside the rollout get the off variant), and the
 * off variant served when the feature is disabled. A plain on/off feature is {@link #plain}.
 */
public record FlagDefinition(String key, boolean enabled, Map<String, Object> variants, List<TargetingRule> rules,
                             String defaultVariant, String offVariant, int rolloutPercentage) {

    public static final String ON = "on";
    public static final String OFF = "off";

    public FlagDefinition {
        variants = variants == null ? Map.of() : new LinkedHashMap<>(variants);
        rules = rules == null ? List.of() : List.copyOf(rules);
        var known = variants;
        var checks = new Violations()
                .check(!known.isEmpty(), "variants", "must name at least one variant")
                .check(known.values().stream().allMatch(FlagDefinition::valueKind), "variants",
                        "values must be booleans, strings, numbers or objects")
                .check(known.containsKey(defaultVariant), "defaultVariant", "must be one of the variants " + known.keySet())
                .check(known.containsKey(offVariant), "offVariant", "must be one of the variants " + known.keySet())
                .check(rolloutPercentage >= 0 && rolloutPercentage <= 100, "rolloutPercentage", "must be 0 to 100");
        for (var rule : rules) {
            checks.check(known.containsKey(rule.variant()), "rules.variant",
                    "'" + rule.variant() + "' is not one of the variants " + known.keySet());
        }
        checks.throwIfAny();
        variants = java.util.Collections.unmodifiableMap(variants);
    }

    /** A feature as it is today: on serves {@code true} to the rollout's share of callers, off serves {@code false}. */
    public static FlagDefinition plain(String key, boolean enabled, int rolloutPercentage) {
        var variants = new LinkedHashMap<String, Object>();
        variants.put(ON, true);
        variants.put(OFF, false);
        return new FlagDefinition(key, enabled, variants, List.of(), ON, OFF, rolloutPercentage);
    }

    /**
     * The pure evaluation: disabled → the off variant (DISABLED); else the first matching rule's variant
     * (TARGETING_MATCH); else the default variant, for everyone at 100% (STATIC) or, below, for the callers whose bucket
     * murmur3({@code key:targetingKey}) mod 100 falls under the rollout (SPLIT; the others get the off variant).
     */
    public Evaluation evaluate(EvaluationContext context) {
        if (!enabled) {
            return serve(offVariant, EvaluationReason.DISABLED);
        }
        for (var rule : rules) {
            if (rule.matches(context)) {
                return serve(rule.variant(), EvaluationReason.TARGETING_MATCH);
            }
        }
        if (rolloutPercentage >= 100) {
            return serve(defaultVariant, EvaluationReason.STATIC);
        }
        if (context.targetingKey() == null) {
            throw InvalidInput.of("targetingKey", "is needed: '" + key + "' is rolled out to " + rolloutPercentage + "%");
        }
        boolean inRollout = Murmur3.bucket(key, context.targetingKey()) < rolloutPercentage;
        return serve(inRollout ? defaultVariant : offVariant, EvaluationReason.SPLIT);
    }

    private Evaluation serve(String variant, EvaluationReason reason) {
        return new Evaluation(key, variants.get(variant), variant, reason);
    }

    private static boolean valueKind(Object value) {
        return value instanceof Boolean || value instanceof String || value instanceof Number || value instanceof Map<?, ?>;
    }
}
