package io.flagtrail.domain.evaluation;

import io.flagtrail.domain.error.InvalidInput;
import java.util.Objects;

/**
 * What evaluation needs of a feature: whether it is on, its {@link Targeting} and the percentage of callers the
 * default variant is rolled out to (the others get the off variant). A plain on/off feature is {@link #plain}.
 */
public record FlagDefinition(String key, boolean enabled, Targeting targeting, int rolloutPercentage) {

    public FlagDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(targeting, "targeting");
        if (rolloutPercentage < 0 || rolloutPercentage > 100) {
            throw InvalidInput.of("rolloutPercentage", "must be 0 to 100");
        }
    }

    /** A feature as it was before targeting: on serves {@code true} to the rollout's share of callers, off {@code false}. */
    public static FlagDefinition plain(String key, boolean enabled, int rolloutPercentage) {
        return new FlagDefinition(key, enabled, Targeting.PLAIN, rolloutPercentage);
    }

    /**
     * The pure evaluation: disabled → the off variant (DISABLED); else the first matching rule's variant
     * (TARGETING_MATCH); else the default variant, for everyone at 100% (STATIC) or, below, for the callers whose bucket
     * murmur3({@code key:targetingKey}) mod 100 falls under the rollout (SPLIT; the others get the off variant).
     */
    public Evaluation evaluate(EvaluationContext context) {
        if (!enabled) {
            return serve(targeting.offVariant(), EvaluationReason.DISABLED);
        }
        for (var rule : targeting.rules()) {
            if (rule.matches(context)) {
                return serve(rule.variant(), EvaluationReason.TARGETING_MATCH);
            }
        }
        if (rolloutPercentage >= 100) {
            return serve(targeting.defaultVariant(), EvaluationReason.STATIC);
        }
        if (context.targetingKey() == null) {
            throw InvalidInput.of("targetingKey", "is needed: '" + key + "' is rolled out to " + rolloutPercentage + "%");
        }
        boolean inRollout = Murmur3.bucket(key, context.targetingKey()) < rolloutPercentage;
        return serve(inRollout ? targeting.defaultVariant() : targeting.offVariant(), EvaluationReason.SPLIT);
    }

    private Evaluation serve(String variant, EvaluationReason reason) {
        return new Evaluation(key, targeting.variants().get(variant), variant, reason);
    }
}
