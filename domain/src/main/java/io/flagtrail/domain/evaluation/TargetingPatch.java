package io.flagtrail.domain.evaluation;

import java.util.List;
import java.util.Map;

/**
 * A change to a feature's targeting as JSON-shaped parts; a null part stays as it is. The parts are checked
 * together once applied, so a new variant and the rule that serves it can come in one change.
 */
public record TargetingPatch(Map<String, Object> variants, List<?> rules, String defaultVariant, String offVariant) {

    public static final TargetingPatch NONE = new TargetingPatch(null, null, null, null);

    public boolean isEmpty() {
        return variants == null && rules == null && defaultVariant == null && offVariant == null;
    }

    /**
     * {@code base} with this patch's parts in place of its own. Without an off variant, the base's stays when it is
     * still a variant, else the default variant is also the off variant: a disabled feature then serves its default,
     * with reason DISABLED, and new variants need no {@code offVariant} of their own.
     */
    public Targeting applyTo(Targeting base) {
        if (isEmpty()) {
            return base;
        }
        var newVariants = variants != null ? variants : base.variants();
        var newDefault = defaultVariant != null ? defaultVariant : base.defaultVariant();
        var newOff = offVariant != null ? offVariant
                : newVariants.containsKey(base.offVariant()) ? base.offVariant() : newDefault;
        return new Targeting(newVariants, rules != null ? Targeting.parseRules(rules) : base.rules(), newDefault, newOff);
    }
}
